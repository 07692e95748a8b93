import { select } from "d3-selection";
import "d3-transition";
import { type ZoomBehavior, zoom, zoomIdentity } from "d3-zoom";
import { type KeyboardEvent, memo, type SyntheticEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Direction, nextInDirection } from "./keyboard-navigation.ts";
import type { MapTone } from "./map-tones.ts";
import { toneFill } from "./map-tones.ts";
import type { Outlines } from "./outlines.ts";
import { placeFrance, placeLocal, MAP_WIDTH as WIDTH } from "./projections.ts";

export interface MapShape {
  siren: string;
  name: string;
  tone: MapTone;
  /** Read on hover and focus, and announced with the name. */
  description: string;
  /** Opened on click or Enter. */
  href?: string;
  /** Drawn with a diamond at its centre (the métropoles of the national map). */
  marked?: boolean;
}

interface EpciMapProps {
  label: string;
  shapes: readonly MapShape[];
  outlines: Outlines;
  /** `france`: the whole country with the DROM in insets; `local`: fitted to the shapes. */
  projection: "france" | "local";
  /** Flies to this shape and gives it the focus. */
  flyTo?: string | null;
  /** Frames these shapes together (a région, a département); the whole map again when empty. */
  frame?: readonly string[] | null;
  /** The shape that takes the keyboard first. */
  initialSiren?: string | undefined;
  /** Opens a shape that has no `href` (every shape is then a link). */
  onOpen?: (siren: string) => void;
}

const ARROWS: Record<string, Direction> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

interface Geometry {
  siren: string;
  d: string;
  centroid: [number, number];
  bounds: [[number, number], [number, number]];
}
type Drawn = MapShape & Geometry;

/**
 * An SVG map of EPCI outlines: pans and zooms by mouse, touch (pinch) and keys; one tab stop, the
 * arrows move to the nearest shape in that direction (so 1,255 shapes are not 1,255 tab stops), each
 * announced by its name and figures; Enter opens it.
 */
export function EpciMap({ label, shapes, outlines, projection, flyTo, frame, initialSiren, onOpen }: EpciMapProps) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, "");
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [tooltip, setTooltip] = useState<{ siren: string; x: number; y: number } | null>(null);

  // Placed again only when the set of shapes changes, not when their colours do (a theme filter).
  const sirenKey = shapes.map((shape) => shape.siren).join(",");
  // Keyed by the SIRENs drawn, on purpose (see above).
  const geometry = useMemo(() => place(sirenKey, outlines, projection), [sirenKey, outlines, projection]);
  const { height, insets, pathTransform, pathScale } = geometry;
  const drawn = useMemo<Drawn[]>(
    () =>
      shapes.flatMap((shape) => {
        const placed = geometry.bySiren.get(shape.siren);
        return placed ? [{ ...shape, ...placed }] : [];
      }),
    [shapes, geometry],
  );
  const bySiren = useMemo(() => new Map(drawn.map((shape) => [shape.siren, shape])), [drawn]);
  const [active, setActive] = useState<string | null>(null);
  const activeSiren = active && bySiren.has(active) ? active : (initialSiren ?? drawn[0]?.siren ?? null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 24])
      .translateExtent([
        [0, 0],
        [WIDTH, height],
      ])
      .on("zoom", (event: { transform: { k: number; toString(): string } }) => {
        const layer = layerRef.current;
        if (!layer) return;
        layer.setAttribute("transform", event.transform.toString());
        // Hatching and markers keep their screen size at any zoom (they sit inside the zoomed layer);
        // the hatching is in the outlines' own units, scaled by `pathScale` too.
        const k = event.transform.k;
        for (const pattern of svg.querySelectorAll("pattern")) {
          pattern.setAttribute("patternTransform", `${pattern.dataset.base ?? ""} scale(${1 / (k * pathScale)})`);
        }
        for (const marker of layer.querySelectorAll<SVGPathElement>("[data-metropole]")) {
          marker.setAttribute("transform", `translate(${marker.dataset.x} ${marker.dataset.y}) scale(${1 / k})`);
        }
      });
    zoomRef.current = behaviour;
    select(svg).call(behaviour);
    // The moment the map answers the pointer and the keys: read by the Chromium benchmark (bench/src/map-bench.ts).
    performance.mark("trame:map-interactive");
    return () => {
      select(svg).on(".zoom", null);
    };
  }, [height, pathScale]);

  useEffect(() => {
    const target = flyTo ? bySiren.get(flyTo) : undefined;
    const svg = svgRef.current;
    if (!target || !svg || !zoomRef.current) return;
    const [[x0, y0], [x1, y1]] = target.bounds;
    // Close enough to read the territory, far enough to see its surroundings.
    const scale = Math.min(8, 0.3 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / height, 1e-6));
    const transform = zoomIdentity
      .translate(WIDTH / 2 - (scale * (x0 + x1)) / 2, height / 2 - (scale * (y0 + y1)) / 2)
      .scale(scale);
    select(svg).transition().duration(600).call(zoomRef.current.transform, transform);
    setActive(target.siren);
    svg.querySelector<SVGPathElement>(`[data-siren="${target.siren}"]`)?.focus({ preventScroll: true });
  }, [flyTo, bySiren, height]);

  // Whether a zone is framed now: leaving it shows the whole map again, while no zone at all leaves the
  // reader's own pan and zoom alone (the shapes change with a theme filter, which re-runs this effect).
  const framing = useRef(false);
  useEffect(() => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!frame || !svg || !behaviour) return;
    const framed = frame.flatMap((siren) => {
      const shape = bySiren.get(siren);
      return shape ? [shape.bounds] : [];
    });
    if (framed.length === 0) {
      if (framing.current) select(svg).transition().duration(600).call(behaviour.transform, zoomIdentity);
      framing.current = false;
      return;
    }
    framing.current = true;
    const x0 = Math.min(...framed.map(([[x]]) => x));
    const y0 = Math.min(...framed.map(([[, y]]) => y));
    const x1 = Math.max(...framed.map(([, [x]]) => x));
    const y1 = Math.max(...framed.map(([, [, y]]) => y));
    // The whole area with a margin, never closer than a single territory would be.
    const scale = Math.min(8, 0.9 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / height, 1e-6));
    const transform = zoomIdentity
      .translate(WIDTH / 2 - (scale * (x0 + x1)) / 2, height / 2 - (scale * (y0 + y1)) / 2)
      .scale(scale);
    select(svg).transition().duration(600).call(behaviour.transform, transform);
  }, [frame, bySiren, height]);

  const zoomBy = (factor: number | null) => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!svg || !behaviour) return;
    const selection = select(svg).transition().duration(300);
    if (factor === null) selection.call(behaviour.transform, zoomIdentity);
    else selection.call(behaviour.scaleBy, factor);
  };

  const openShape = (shape: MapShape) => {
    if (shape.href) navigate(shape.href);
    else onOpen?.(shape.siren);
  };

  const sirenOf = (event: SyntheticEvent) => (event.target as Element).getAttribute("data-siren");

  const showTooltip = (event: SyntheticEvent) => {
    const siren = sirenOf(event);
    const wrapper = svgRef.current?.parentElement;
    if (!siren || !wrapper) return setTooltip(null);
    const box = (event.target as Element).getBoundingClientRect();
    const frame = wrapper.getBoundingClientRect();
    setTooltip({ siren, x: box.left + box.width / 2 - frame.left, y: box.top - frame.top });
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const siren = sirenOf(event);
    const current = siren ? bySiren.get(siren) : undefined;
    if (!current) return;
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const next = nextInDirection(current, drawn, direction);
      if (next) {
        setActive(next.siren);
        svgRef.current?.querySelector<SVGPathElement>(`[data-siren="${next.siren}"]`)?.focus();
      }
    } else if ((event.key === "Enter" || event.key === " ") && (current.href || onOpen)) {
      event.preventDefault();
      openShape(current);
    } else if (event.key === "+" || event.key === "=") {
      zoomBy(1.5);
    } else if (event.key === "-") {
      zoomBy(1 / 1.5);
    }
  };

  const shown = tooltip ? bySiren.get(tooltip.siren) : undefined;
  return (
    <div className="epci-map">
      <div className="epci-map__tools">
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1.5)}>
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">{t("map.zoomIn")}</span>
        </button>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1 / 1.5)}>
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">{t("map.zoomOut")}</span>
        </button>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(null)}>
          {t("map.zoomReset")}
        </button>
      </div>
      <p id={`${id}-hint`} className="epci-map__hint">
        {t("map.keyboardHint")}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: the map is an SVG; its shapes are grouped under the map's name */}
      <svg
        ref={svgRef}
        className="epci-map__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-label={label}
        aria-describedby={`${id}-hint`}
      >
        <MapPatterns id={id} scale={1 / pathScale} />
        {insets.map((inset) => (
          <rect key={inset.code} className="epci-map__inset" {...inset} />
        ))}
        {/* Events are delegated here, so hovering never re-renders the shapes; the shapes are the focusable controls. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: delegation only, each shape below takes the focus and the keys */}
        <g
          ref={layerRef}
          onPointerOver={showTooltip}
          onPointerLeave={() => setTooltip(null)}
          onFocus={showTooltip}
          onBlur={() => setTooltip(null)}
          onKeyDown={onKeyDown}
          onClick={(event) => {
            const shape = bySiren.get(sirenOf(event) ?? "");
            if (shape) openShape(shape);
          }}
        >
          <Shapes
            id={id}
            drawn={drawn}
            activeSiren={activeSiren}
            openable={onOpen !== undefined}
            pathTransform={pathTransform}
          />
        </g>
      </svg>
      {shown && tooltip && (
        <div className="epci-map__tooltip" aria-hidden="true" style={{ left: tooltip.x, top: tooltip.y }}>
          <strong>{shown.name}</strong>
          <span>{shown.description}</span>
        </div>
      )}
    </div>
  );
}

const Shapes = memo(function Shapes({
  id,
  drawn,
  activeSiren,
  openable,
  pathTransform,
}: {
  id: string;
  drawn: readonly Drawn[];
  activeSiren: string | null;
  openable: boolean;
  pathTransform: string;
}) {
  return (
    <>
      {/* The path data is in the outlines' units, placed by this group; markers are in the map's. */}
      <g transform={pathTransform}>
        {drawn.map((shape) => (
          // An SVG outline cannot be an <a> and keep the roving focus on the path itself.
          <path
            key={shape.siren}
            d={shape.d}
            data-siren={shape.siren}
            className={`epci-map__shape epci-map__shape--${shape.tone}`}
            fill={toneFill(shape.tone, id)}
            role={shape.href || openable ? "link" : "img"}
            tabIndex={shape.siren === activeSiren ? 0 : -1}
            aria-label={`${shape.name} : ${shape.description}`}
          />
        ))}
      </g>
      {drawn
        .filter((shape) => shape.marked)
        .map((shape) => (
          <path
            key={`marker-${shape.siren}`}
            className="epci-map__marker"
            data-metropole={shape.siren}
            data-x={shape.centroid[0]}
            data-y={shape.centroid[1]}
            transform={`translate(${shape.centroid[0]} ${shape.centroid[1]})`}
            d="M0,-6l6,6l-6,6l-6,-6z"
          />
        ))}
    </>
  );
});

/**
 * Hatching for "nothing recorded", dots for associates: the classes differ by more than their hue.
 * `scale` brings the tiles to the map's units from those of the shapes that use them.
 */
export function MapPatterns({ id, scale = 1 }: { id: string; scale?: number }) {
  return (
    <defs>
      <pattern
        id={`${id}-hatch`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform={`rotate(45) scale(${scale})`}
        data-base="rotate(45)"
      >
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" strokeWidth="1.5" />
      </pattern>
      <pattern
        id={`${id}-dots`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform={`scale(${scale})`}
        data-base=""
      >
        <rect width="6" height="6" fill="#dfe3fb" />
        <circle cx="3" cy="3" r="1.6" fill="#1b2c9c" />
      </pattern>
    </defs>
  );
}

/** The shapes drawn, placed for this map: their path data as drawn ahead of time, centres and bounds moved with it. */
function place(sirenKey: string, outlines: Outlines, kind: "france" | "local") {
  const features = sirenKey.split(",").flatMap((siren) => {
    const outline = outlines.bySiren.get(siren);
    return outline ? [outline] : [];
  });
  const { k, x, y, height, insets } = kind === "france" ? placeFrance(outlines.layout) : placeLocal(features);
  const at = ([px, py]: [number, number]): [number, number] => [x + k * px, y + k * py];
  const bySiren = new Map<string, Geometry>();
  for (const outline of features) {
    bySiren.set(outline.siren, {
      siren: outline.siren,
      d: outline.d,
      centroid: at(outline.centroid),
      bounds: [at(outline.bounds[0]), at(outline.bounds[1])],
    });
  }
  const pathScale = k * outlines.layout.unit;
  return { bySiren, height, insets, pathScale, pathTransform: `translate(${x} ${y}) scale(${pathScale})` };
}
