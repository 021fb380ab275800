import { createClient, type Client } from '../../../shared/rpc/client';
import { pickTransport } from './transport';

let client: Client | null = null;

/** The one client of the app; store actions are its only callers. */
export function api(): Client {
  client ??= createClient(pickTransport());
  return client;
}
