import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, NotFoundHubError } from '../../errors';
import { importRoadmapDocument } from '../../importers';
import type { ImportedRoadmap } from '../../importers/roadmap.types';
import { periodBounds } from '../../importers/schedule.due-dates';
import { parseId } from '../../shared/filters';
import { Municipality } from '../geography/geography.entity';
import { persistImportedRoadmap } from './roadmap-import.service';
import { editedRoadmapRows } from './roadmap-import.rows';
import {
  type ImportActivityInput,
  importPreview,
  type ImportRoadmapResult,
} from './roadmap-import.types';
import type { Access } from '../access/viewer';
import { auditedTransaction } from '../audit/audit.context';
import { Direction } from '../directions/directions.entity';
import { Roadmap } from './roadmaps.entity';

export interface ImportRequest {
  municipalityId: string;
  fileName: string;
  text?: string;
  contentBase64?: string;
  content?: Buffer;
  title?: string;
  replaceRoadmapId?: string;
  /** Corrected rows that replace the activities parsed from the document. */
  activities?: ImportActivityInput[];
}

/** Reads a document; a file the readers cannot understand is the user's error, not ours. */
export async function readRoadmapDocument(
  fileName: string,
  content: Buffer | string,
): Promise<ImportedRoadmap> {
  try {
    return await importRoadmapDocument({ fileName, content });
  } catch {
    throw new BadUserInputError(`Не удалось прочитать документ «${fileName}»`, {
      field: 'contentBase64',
    });
  }
}

function documentContent(request: ImportRequest): Buffer | string {
  const given = [request.text, request.contentBase64, request.content].filter(
    (part) => part != null,
  );
  if (given.length !== 1) {
    throw new BadUserInputError('Pass the document either as text or as contentBase64', {
      field: 'text',
    });
  }
  return request.content ?? request.text ?? Buffer.from(request.contentBase64!, 'base64');
}

// Importing the same roadmap twice would double every count: replace it explicitly or refuse.
async function clearTheWay(
  em: EntityManager,
  municipality: Municipality,
  imported: ImportedRoadmap,
  request: ImportRequest,
) {
  if (request.replaceRoadmapId != null) {
    const id = parseId(request.replaceRoadmapId, 'replaceRoadmapId');
    const old = await em.findOne(Roadmap, { id, municipality });
    if (!old) {
      throw new NotFoundHubError('No such roadmap in this municipality', {
        field: 'replaceRoadmapId',
      });
    }
    await em.nativeDelete(Roadmap, { id });
    return;
  }
  const title = request.title ?? imported.title;
  const period = imported.period ? periodBounds(imported.period) : null;
  const same =
    title && period
      ? await em.findOne(Roadmap, {
          municipality,
          title,
          periodStart: period.start,
          periodEnd: period.end,
        })
      : null;
  if (same) {
    throw new ConflictError(
      `Эта дорожная карта уже загружена (id ${same.id}); чтобы заменить её, передайте replaceRoadmapId`,
      {
        field: 'replaceRoadmapId',
        roadmapId: String(same.id),
      },
    );
  }
}

/**
 * Imports a roadmap document into a municipality in one transaction. A dry run goes through
 * every check and write, then rolls back, so its preview and warnings are the real ones.
 * With `activities`, the corrected rows are stored instead of the parsed ones; a refused row
 * returns `ok: false` with row errors and writes nothing.
 */
export async function importRoadmap(
  em: EntityManager,
  request: ImportRequest,
  dryRun: boolean,
  access: Access,
): Promise<ImportRoadmapResult> {
  const content = documentContent(request);
  const municipality = await em.findOne(Municipality, {
    id: parseId(request.municipalityId, 'municipalityId'),
  });
  if (!municipality) {
    throw new NotFoundHubError('Municipality not found', { field: 'municipalityId' });
  }
  access.assertCanWrite([municipality.id]);
  const parsed = await readRoadmapDocument(request.fileName, content);
  return auditedTransaction(
    em,
    access.auditActor(),
    async (tem): Promise<ImportRoadmapResult> => {
      let imported = parsed;
      if (request.activities) {
        // The rows are checked before anything is written (a replaced roadmap is deleted below).
        const directions = await tem.find(Direction, {}, { fields: ['code'] });
        const edited = editedRoadmapRows(
          request.activities,
          new Set(directions.map((direction) => direction.code)),
          parsed.abbreviations,
        );
        // The document's warnings point at its lines, which the corrected rows no longer follow.
        imported = { ...parsed, sections: edited.sections, warnings: [] };
        if (!edited.errors.empty) {
          return {
            ok: false,
            dryRun,
            roadmap: null,
            ...importPreview(imported),
            errors: edited.errors.list,
          };
        }
      }
      const owner = tem.merge(municipality);
      await clearTheWay(tem, owner, imported, request);
      const { roadmap, warnings } = await persistImportedRoadmap(tem, owner, imported, {
        title: request.title,
        sourceFileName: request.fileName,
      });
      await tem.flush();
      const preview = importPreview(imported);
      return {
        ok: true,
        dryRun,
        roadmap: dryRun ? null : roadmap,
        ...preview,
        warnings: [...preview.warnings, ...warnings],
        errors: [],
      };
    },
    { dryRun },
  );
}
