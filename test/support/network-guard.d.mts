export declare const GUARD_ERROR_CODE: 'ERR_TALLY_NETWORK_GUARD';
export interface RefusedAttempt {
  kind: string;
  target: string;
  provoked: boolean;
  stack: string[];
}
export declare function isLoopbackHost(host: string | null | undefined): boolean;
export declare function installNetworkGuard(): void;
export declare function provokeRefusals<T>(fn: () => T): T;
export declare function networkAttempts(): { allowed: number; refused: RefusedAttempt[] };
export declare function flushNetworkGuard(): void;
