// Entry point of the roadmap importers: picks the reader by file extension or content.
import { importRoadmapDocx } from './roadmap-docx.importer';
import { importRoadmapText } from './roadmap-text.importer';
import type { ImportedRoadmap } from './roadmap.types';

const isZip = (content: Buffer): boolean =>
  content.length > 3 && content[0] === 0x50 && content[1] === 0x4b;

/** .docx (or any zip content) goes through mammoth; everything else is read as UTF-8 text. */
export const importRoadmapDocument = async (input: {
  fileName: string;
  content: Buffer | string;
}): Promise<ImportedRoadmap> => {
  const { fileName, content } = input;
  if (typeof content !== 'string' && (/\.docx$/i.test(fileName) || isZip(content))) {
    return importRoadmapDocx(content);
  }
  const text = typeof content === 'string' ? content : content.toString('utf8');
  return importRoadmapText(text);
};
