// One grid template for the header and every row, so columns line up without a real <table> layout
// (the body is virtualized: rows are absolutely positioned). A phone shows what answers "which job, and how
// long has it waited": the job, its pipeline and the wait. Wider screens add columns in order of use, so the
// table never needs to scroll sideways. The template lists exactly the cells shown at each width (hidden
// cells take no track), so a cell's `shownFrom` class and the templates must agree.
export const JOB_GRID_CLASS =
  "grid-cols-[2.25rem_7.5rem_minmax(4rem,1fr)_6rem] " +
  "sm:grid-cols-[2.25rem_7.5rem_minmax(6rem,1.2fr)_4.5rem_5.25rem_6rem] " +
  "md:grid-cols-[2.25rem_7.5rem_minmax(6rem,1.2fr)_4.5rem_minmax(6rem,1fr)_5.25rem_6rem] " +
  "lg:grid-cols-[2.25rem_7.5rem_minmax(6rem,1.2fr)_4.5rem_minmax(6rem,1fr)_minmax(5rem,0.9fr)_minmax(7rem,1.4fr)_5.25rem_6rem_6.5rem]";

/** The cells that wide screens add: build and priority, then branch, then step, query rules and state. */
export const shownFrom = {
  sm: "hidden sm:block",
  md: "hidden md:block",
  lg: "hidden lg:block",
} as const;

/** Fixed row height: the virtualizer and the scroll anchoring both count rows in these pixels. */
export const JOB_ROW_HEIGHT = 40;
export const JOB_HEADER_HEIGHT = 40;
