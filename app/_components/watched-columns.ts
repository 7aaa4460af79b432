// One grid template for the header row and every batch row, so columns line up on wide screens.
export const WATCHED_GRID =
  "lg:grid lg:grid-cols-[8.5rem_minmax(0,1.5fr)_9.5rem_minmax(10rem,1.3fr)_10rem_6.5rem_7.5rem_6.5rem] lg:items-center lg:gap-4";
