// Helpers for the tests of this package (not exported from the package entry).
const enc = new TextEncoder();

/** Builds a small STEP file around DATA lines. */
export function stepFile(data: string, schema = 'IFC4', headerExtra = ''): Uint8Array {
  return enc.encode(
    `ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');\n` +
      `FILE_NAME('test.ifc','2026-11-28T12:00:00',('Ann'),('Org'),'pre 1.0','Tool X 2.0','none');\n` +
      `FILE_SCHEMA(('${schema}'));\n${headerExtra}ENDSEC;\nDATA;\n${data}\nENDSEC;\nEND-ISO-10303-21;\n`,
  );
}

/** Encodes text as UTF-8 bytes. */
export function bytesOf(text: string): Uint8Array {
  return enc.encode(text);
}
