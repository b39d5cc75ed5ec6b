import fs from 'node:fs';
import path from 'node:path';

/** The checkout root (the folder with package.json), the same from source and from dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('package.json not found above ' + __dirname);
    }
    dir = parent;
  }
  return dir;
}
