import type { StylesheetJson } from "cytoscape";
import type { IdentifierType, PersonaStatus } from "@/lib/personas/constants";

export const statusColours: Record<PersonaStatus, string> = {
  suspected: "#d97706",
  confirmed: "#dc2626",
  cleared: "#16a34a",
  stolen_identity_victim: "#0284c7",
};

/** One shape per identifier type, so the kind of link reads without colour; the legend names them. */
export const identifierShapes: Record<IdentifierType, string> = {
  email: "round-rectangle",
  phone: "diamond",
  postal_address: "pentagon",
  ip: "hexagon",
  device: "rectangle",
  remote_access_id: "vee",
  crypto_wallet: "star",
  bank_account: "barrel",
  payment_account: "tag",
  freelance_account: "round-tag",
  social_handle: "round-triangle",
  domain: "octagon",
  resume_hash: "cut-rectangle",
  photo_hash: "bottom-round-rectangle",
  government_id: "concave-hexagon",
};

export const identifierColour = "#475569";

// Labels are drawn on the canvas as plain text, so markup in a name is shown, never run.
export function graphStylesheet(large: boolean): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 10,
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-max-width": "140px",
        "text-wrap": "ellipsis",
        "min-zoomed-font-size": large ? 9 : 0,
        color: "#0f172a",
      },
    },
    {
      selector: "node[kind = 'persona']",
      style: {
        shape: "ellipse",
        width: 30,
        height: 30,
        "background-color": "data(colour)",
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    { selector: "node[kind = 'persona'][?inCase]", style: { "border-color": "#0f172a", "border-width": 3 } },
    {
      selector: "node[kind = 'persona'][!expanded]",
      style: { "border-style": "dashed", "border-color": "#0f172a", "border-width": 2 },
    },
    {
      selector: "node[kind = 'identifier']",
      style: {
        shape: "data(shape)" as never,
        width: 20,
        height: 20,
        "background-color": identifierColour,
        "font-size": 9,
        color: "#334155",
      },
    },
    {
      selector: "edge",
      style: {
        width: "mapData(confidence, 0, 100, 1, 3)" as never,
        "line-color": "#94a3b8",
        "curve-style": large ? "haystack" : "bezier",
        opacity: 0.8,
      },
    },
    {
      selector: "edge[kind = 'link']",
      style: {
        "line-color": "#1e293b",
        width: 3,
        "target-arrow-shape": "triangle",
        "target-arrow-color": "#1e293b",
        "curve-style": "bezier",
        label: "data(label)",
        "font-size": 9,
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 1,
      },
    },
    {
      selector: ".path",
      style: {
        "line-color": "#f97316",
        "target-arrow-color": "#f97316",
        "border-color": "#f97316",
        "border-width": 4,
        width: 5,
        opacity: 1,
        "z-index": 10,
      },
    },
    { selector: ".endpoint", style: { "border-color": "#7c3aed", "border-width": 5 } },
    { selector: "node:selected", style: { "overlay-color": "#2563eb", "overlay-opacity": 0.2, "overlay-padding": 6 } },
  ];
}
