import { allProjections } from '../projections';

export const USAGE = `usage: npm run cli -- <command>

  api-key create --role ROLE --person ID [--organisation ID] [--label TEXT]
      creates an API key and prints it once (only its hash is stored);
      ROLE is ADMIN, AUDITOR, DECISION_MAKER, VIEWER or CLIENT (CLIENT needs --organisation)
  api-key list
      lists every key (never the key itself)
  api-key revoke ID
      revokes the key with that id
  rebuild [PROJECTION...]
      rebuilds the named projections (default: all) from position 0, without side effects;
      stop the service first; PROJECTION is one of
      ${allProjections.map(({ name }) => name).join(', ')}
  help (or --help, -h anywhere on the line)
      prints this usage

Settings come from the environment, as for the service (CERTCYCLE_DATA_DIR, CERTCYCLE_EVENT_STORE ...).`;
