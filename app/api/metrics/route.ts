// GET /api/metrics – Prometheus metrics for a scraper holding METRICS_TOKEN; not served when it is unset
import { metricsRoute } from "@/server/metrics/metrics-route";

export const GET = metricsRoute;
