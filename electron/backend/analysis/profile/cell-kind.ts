/** What one cell turned out to be; columns return it so the row loop can build samples and hashes. */
export const CellKind = {
  Missing: 0,
  Disguised: 1,
  Integer: 2,
  Float: 3,
  Boolean: 4,
  DateTime: 5,
  Text: 6,
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];
