// One look for every form in the console, so a button or a field means the same thing on every page.

/** A field without a width, for inputs sized to their content (an expiry, an exit status). */
export const fieldClass =
  "block rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 read-only:bg-zinc-100 read-only:text-zinc-700 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:aria-invalid:border-red-400 dark:read-only:bg-zinc-800 dark:read-only:text-zinc-300";
export const inputClass = `${fieldClass} w-full`;
export const labelClass = "block text-sm font-medium";
export const errorClass = "mt-1 text-sm text-red-700 dark:text-red-300";
const button =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60";
export const primaryButton = `${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`;
export const secondaryButton = `${button} border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800`;
export const dangerButton = `${button} bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500`;
export const cardClass =
  "rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
/** A button that reads as a link: for showing more or less of what is already on the page. */
export const linkButton =
  "text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300";
