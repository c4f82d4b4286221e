import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { pageEntity } from "@/lib/pages";
import { ImportContactsForm } from "./import-form";

export const metadata: Metadata = { title: "Import contacts" };

export default async function ImportContactsPage(props: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/contacts/import`, slug);
  return (
    <>
      <PageHeader
        title="Import contacts"
        description={`A CSV file with a header line: email (required), firstName, lastName, status (active, unsubscribed or bounced), and any other column as an attribute. The contacts join ${entity.label} only; an email already in your list updates that contact.`}
        actions={
          <Link href={`/portal/${entity.internalName}/contacts`} className="text-sm font-medium text-blue-700 hover:underline">
            Back to contacts
          </Link>
        }
      />
      <ImportContactsForm entity={entity.internalName} />
    </>
  );
}
