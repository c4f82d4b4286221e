import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { contactSortable, listContacts, type ContactStatus } from "@/lib/contacts/queries";
import { pageEntity } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { AddContactForm } from "./add-contact-form";
import { ContactsTable } from "./contacts-table";

export const metadata: Metadata = { title: "Contacts" };

const statuses = ["active", "unsubscribed", "bounced"] as const;

export default async function ContactsPage(props: { params: Promise<{ entity: string }>; searchParams: Promise<SearchParams> }) {
  const { entity: slug } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/contacts`, slug);
  const sp = await props.searchParams;
  const query = parseTableQuery(sp, contactSortable, { sort: "lastName" });
  const status = statuses.find((s) => s === firstParam(sp, "status")) as ContactStatus | undefined;
  const { rows, total } = await listContacts(getDb(), entity.id, { ...query, status });
  return (
    <>
      <PageHeader
        title="Contacts"
        description={`The recipients of ${entity.label}. Only your entity sees them.`}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/portal/${entity.internalName}/contacts/import`}>Import CSV</Link>
            </Button>
            {/* A plain link: the export is a download from a route handler, not a page. */}
            <Button asChild variant="secondary">
              <a href={`/portal/${entity.internalName}/contacts/export`} download>
                Export CSV
              </a>
            </Button>
            <AddContactForm entity={entity.internalName} />
          </>
        }
      />
      <ContactsTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} entity={entity.internalName} />
    </>
  );
}
