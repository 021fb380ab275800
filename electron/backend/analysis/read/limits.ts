/**
 * The widest table Tally reads: 20,000 columns in any format. Each column keeps its own sketches
 * (a few KB to a few hundred KB), and JSON records whose keys change every row would otherwise
 * add a column per row without end (one such file grew past 3 GB). Beyond the cap the file is
 * refused with where the extra column appeared, never cut silently.
 */
export const MAX_COLUMNS = 20_000;
