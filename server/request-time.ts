import "server-only";
import { cache } from "react";

/**
 * When the server started rendering this request, the same for every server component that asks (React's
 * `cache` lasts one request). The browser hydrates the page's ages from it: see RenderTimeContext.
 */
export const requestTime = cache((): number => Date.now());
