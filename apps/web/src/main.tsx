import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { prefetchOnIntent } from "./app/route-prefetch.ts";
import { initI18n } from "./i18n/i18n.ts";
import "./styles.css";

initI18n();
prefetchOnIntent(document);

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
