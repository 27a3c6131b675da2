import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const OVERSCAN = 6;

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /** Renders row i; called only for rows in (or near) the viewport. */
  row: (i: number) => React.ReactNode;
  /** Row to bring into view when it changes (-1: none). */
  scrollTo?: number;
  /** Told the fully visible rows [first, end) after each scroll or resize. */
  onVisible?: (first: number, end: number) => void;
  testId?: string;
}

/**
 * A scrolling list that mounts only the rows in view (plus a few): 10,000 alarms cost the same
 * DOM as 20. Rows have a fixed height, so positions are arithmetic and nothing is measured.
 */
export function VirtualRows({ count, rowHeight, row, scrollTo = -1, onVisible, testId }: VirtualRowsProps): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(240);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = ref.current!;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    const el = ref.current;
    if (!el || scrollTo < 0) return;
    const y = scrollTo * rowHeight;
    if (y < el.scrollTop || y + rowHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 3);
      setTop(el.scrollTop);
    }
  }, [scrollTo, rowHeight]);

  const firstFull = Math.min(count, Math.ceil(top / rowHeight));
  const endFull = Math.min(count, Math.floor((top + height) / rowHeight));
  useEffect(() => onVisible?.(firstFull, Math.max(firstFull, endFull)), [onVisible, firstFull, endFull]);

  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const items: React.ReactNode[] = [];
  for (let i = first; i < end; i++) {
    items.push(
      <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
        {row(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className="vrows"
      data-testid={testId}
      data-rendered={end - first}
      onScroll={(e) => {
        const el = e.currentTarget;
        cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => setTop(el.scrollTop));
      }}
    >
      <div className="vrows-inner" style={{ height: count * rowHeight }}>
        {items}
      </div>
    </div>
  );
}
