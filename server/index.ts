// Process entry: start the hub and stop it cleanly on signals.
import { createServer } from './app';
import { ConfigError } from './config';

async function main(): Promise<void> {
  const hub = await createServer();
  console.log(
    `msoko-hub: admin ${hub.url}/  GraphQL ${hub.url}/graphql  (database: ${hub.database.kind})`,
  );
  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping`);
    hub.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
