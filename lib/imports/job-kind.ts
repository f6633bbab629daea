export const IMPORT_ROWS = "import.rows";
