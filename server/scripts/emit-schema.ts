// npm run schema:emit — writes schema/schema.graphql from the resolvers (commit the result).
import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../schema';
import { projectRoot } from '../shared/paths';

printHubSchema()
  .then((sdl) => {
    const file = path.join(projectRoot(), 'schema', 'schema.graphql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), file)} (${sdl.length} bytes)`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
