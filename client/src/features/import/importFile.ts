import type { ImportRoadmapInput } from './import.queries';

export type ImportSource = Pick<ImportRoadmapInput, 'fileName' | 'text' | 'contentBase64'>;

// btoa takes a binary string; chunks keep String.fromCharCode under the argument limit.
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function isDocx(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.docx');
}

/** A .docx goes to the server as base64; anything else is read as UTF-8 text. */
export async function readImportFile(file: File): Promise<ImportSource> {
  if (isDocx(file.name)) {
    return {
      fileName: file.name,
      contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
    };
  }
  return { fileName: file.name, text: await file.text() };
}
