/** A band of content, in pixels from the top of what scrolls. */
export interface Band {
  top: number;
  height: number;
}

/** What a scroller shows: from `scrollTop` for `viewportHeight` pixels, the first `coveredTop` of them under a sticky header. */
export interface Scrollport {
  scrollTop: number;
  viewportHeight: number;
  coveredTop?: number;
}

/**
 * The scroll position that shows `band` whole, moving as little as possible: unchanged when it already
 * shows, else the band's edge lands on the nearer edge of the visible part. A band taller than the visible
 * part shows its top.
 */
export function scrollTopToReveal(band: Band, { scrollTop, viewportHeight, coveredTop = 0 }: Scrollport): number {
  const visibleTop = scrollTop + coveredTop;
  const visibleBottom = scrollTop + viewportHeight;
  if (band.top < visibleTop) return Math.max(0, band.top - coveredTop);
  if (band.top + band.height > visibleBottom) {
    return Math.min(band.top - coveredTop, band.top + band.height - viewportHeight);
  }
  return scrollTop;
}
