import { useSyncExternalStore } from "react";

// next/navigation for components rendered without Next's router: the URL is jsdom's, history.pushState
// and popstate (back/forward) re-render whoever reads the search params, as Next's router does.

const NAVIGATE = "test:navigate";
const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
};

let patched = false;
function patchHistory() {
  if (patched) return;
  patched = true;
  const push = window.history.pushState.bind(window.history);
  window.history.pushState = (...args: Parameters<History["pushState"]>) => {
    push(...args);
    window.dispatchEvent(new Event(NAVIGATE));
  };
}

export function useSearchParams() {
  patchHistory();
  return new URLSearchParams(useSyncExternalStore(subscribe, () => window.location.search));
}

export function usePathname() {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRouter() {
  return {
    push: (href: string) => window.history.pushState(null, "", href),
    replace: (href: string) => window.history.replaceState(null, "", href),
    back: () => window.history.back(),
    prefetch: () => undefined,
    refresh: () => undefined,
  };
}
