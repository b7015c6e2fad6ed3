/** "export my data": the use case makes a one-time `/export/<token>` link and answers with it (export-user.ts). */
export interface ExportDataEffect {
  kind: 'export_data';
}
