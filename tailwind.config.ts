import type { Config } from "tailwindcss";
import { NOTICE_COLORS, OUTCOME_COLORS, STATE_COLORS, SURFACE_COLORS } from "./config/palette";

// Loaded by app/globals.css through `@config`. Semantic colours only: components say
// `text-outcome-failure` or `bg-state-running/15`, never a raw palette step.
const config = {
  theme: {
    extend: {
      colors: {
        ...SURFACE_COLORS,
        outcome: OUTCOME_COLORS,
        state: STATE_COLORS,
        notice: NOTICE_COLORS,
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          '"Segoe UI"',
          "Roboto",
          '"Helvetica Neue"',
          "Arial",
          '"Noto Sans"',
          "sans-serif",
        ],
        mono: [
          "ui-monospace",
          "SFMono-Regular",
          "Menlo",
          "Consolas",
          '"Liberation Mono"',
          "monospace",
        ],
      },
      // Wall-screen numbers: fluid between a phone and a 1080p screen read from across a room.
      fontSize: {
        "stat-sm": [
          "clamp(1.5rem, 1.1rem + 1.2vw, 2.25rem)",
          { lineHeight: "1.1", fontWeight: "600" },
        ],
        stat: ["clamp(2rem, 1.3rem + 2.2vw, 3.5rem)", { lineHeight: "1.05", fontWeight: "600" }],
        "stat-lg": [
          "clamp(2.75rem, 1.6rem + 3.6vw, 5.5rem)",
          { lineHeight: "1", fontWeight: "650" },
        ],
        "stat-xl": ["clamp(3.5rem, 1.8rem + 5.2vw, 8rem)", { lineHeight: "1", fontWeight: "650" }],
      },
    },
  },
} satisfies Config;

export default config;
