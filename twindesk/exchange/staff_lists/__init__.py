"""Lists that staff typed in Excel, WPS or LibreOffice, not made by TwinDesk (docs/architecture.md,
"Staff lists").

- `sources.read_source(path, encoding=None)` -> `Source`: the sheets of an .xlsx/.xlsm/.xls/.ods/.csv as
  plain values, with the formulas found in them;
- `table_finder.find_table(grid)` -> `Table`: where the header row is, which rows are data, which are
  totals or notes;
- `column_mapping`: the field each header suggests, the record kind a sheet holds, `Mapping` (to and
  from JSON) and `MappingMemory` (mappings remembered by the file's header layout);
- `flow.recognise(source)`, `flow.preview_staff_list(...)`, `flow.import_staff_list(...)`: the import.

The meaning of each value (a label, a country by name, a partner by name, 10万) is the domain's:
`domain.transfer.check.ImportCheck(typed_by_staff=True)`.
"""
