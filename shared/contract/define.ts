import type { z } from 'zod';

/**
 * One procedure of the contract: its input and output schemas and whether it changes state.
 * Inputs and outputs are JSON-safe so Electron IPC, HTTP and the CLI carry the same values.
 */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'mutation';
  input: I;
  output: O;
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Procedure<I, O> {
  return { kind: 'query', input, output };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Procedure<I, O> {
  return { kind: 'mutation', input, output };
}

export type ContractShape = Record<string, Procedure>;
export type InputOf<P> = P extends Procedure<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends Procedure<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<P> = P extends Procedure<z.ZodType, infer O> ? z.output<O> : never;
