// Chart.js with only what the dashboard draws (bar charts), so the library
// is tree-shaken to a small chunk. Imported dynamically by StatsChart: the
// chunk is fetched only when a chart is on screen, never by a citizen.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
