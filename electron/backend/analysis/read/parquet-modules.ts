/**
 * hyparquet and its decompressors, loaded on first use. Only a Parquet file needs them; imported
 * statically they were loaded and evaluated by every process that can read one (the CLI for every
 * command, the analysis worker for every CSV check): about 25 ms of CPU in the worker and 45 ms in
 * the CLI. openParquet, the one way into a Parquet file, awaits loadParquetModules(); the code
 * that runs after it takes them from parquetModules().
 */
import type * as Hyparquet from 'hyparquet';
import type * as Compressors from 'hyparquet-compressors';
import type * as HyparquetColumn from 'hyparquet/src/column.js';
import type * as HyparquetSchema from 'hyparquet/src/schema.js';
import type * as HyparquetWkb from 'hyparquet/src/wkb.js';

export interface ParquetModules {
  hyparquet: typeof Hyparquet;
  compressors: typeof Compressors;
  column: typeof HyparquetColumn;
  schema: typeof HyparquetSchema;
  wkb: typeof HyparquetWkb;
}

let loaded: ParquetModules | null = null;
let loading: Promise<ParquetModules> | null = null;

export function loadParquetModules(): Promise<ParquetModules> {
  loading ??= Promise.all([import('hyparquet'), import('hyparquet-compressors'), import('hyparquet/src/column.js'), import('hyparquet/src/schema.js'), import('hyparquet/src/wkb.js')]).then(
    ([hyparquet, compressors, column, schema, wkb]) => (loaded = { hyparquet, compressors, column, schema, wkb }),
  );
  return loading;
}

/** The modules, once loadParquetModules() has resolved (openParquet awaits it before anything else). */
export function parquetModules(): ParquetModules {
  if (loaded === null) throw new Error('the Parquet reader was used before loadParquetModules() resolved');
  return loaded;
}
