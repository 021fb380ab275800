// Loaded with NODE_OPTIONS=--import into every Node child a unit test starts: the same guard as
// the test worker's, reporting to the same run log (network-guard.mjs).
import { installNetworkGuard } from './network-guard.mjs';

installNetworkGuard();
