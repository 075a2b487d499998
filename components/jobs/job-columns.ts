// One grid template for the header and every row, so columns line up without a real <table> layout
// (the body is virtualized: rows are absolutely positioned).
export const JOB_GRID_COLUMNS =
  "2.25rem 7.5rem minmax(6rem,1.2fr) 4.5rem minmax(6rem,1fr) minmax(5rem,0.9fr) minmax(7rem,1.4fr) 5.25rem 6rem 6.5rem";

/** Fixed row height: the virtualizer and the scroll anchoring both count rows in these pixels. */
export const JOB_ROW_HEIGHT = 40;
export const JOB_HEADER_HEIGHT = 40;
