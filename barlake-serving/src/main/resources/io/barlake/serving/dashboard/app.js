// The Barlake dashboard: plain JavaScript over the serving API, no build step.
"use strict";

const $ = (id) => document.getElementById(id);
const keyInput = $("api-key");
keyInput.value = localStorage.getItem("barlake-api-key") || "";
keyInput.addEventListener("change", () => {
  localStorage.setItem("barlake-api-key", keyInput.value);
  refresh();
});

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (keyInput.value) headers["x-api-key"] = keyInput.value;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = await response.json();
  if (!response.ok) {
    const error = body.error || {};
    const details = error.details ? "\n" + error.details.join("\n") : "";
    throw new Error(`${response.status} ${error.code || ""}: ${error.message || "request failed"}${details}`);
  }
  return body;
}

function showError(error) {
  $("error").textContent = error ? String(error.message || error) : "";
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// ---- pipeline status ----
// Charts end at the latest closed session the lake knows of, not at the browser's today.
let latestSession = new Date().toISOString().slice(0, 10);

async function loadStatus() {
  const status = await api("/v1/status");
  latestSession = status.latest_closed_session;
  const badge = $("freshness");
  badge.textContent = status.fresh ? `fresh: ${status.latest_closed_session}` : `${status.sessions_behind} sessions behind`;
  badge.className = "badge " + (status.fresh ? "fresh" : "stale");
  $("synthetic-banner").hidden = !status.synthetic;
  const marks = status.watermarks.map((w) => `<li>${escapeHtml(w.name)}: ${escapeHtml(w.session)}</li>`).join("");
  const runs = status.latest_runs.map((r) =>
    `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.command)}</td><td class="${r.status === "SUCCEEDED" ? "BUY" : "SELL"}">${escapeHtml(r.status)}</td><td>${escapeHtml(r.finished_at || "")}</td></tr>`).join("");
  $("status").innerHTML = `<p>Latest closed session ${escapeHtml(status.latest_closed_session)}; `
    + `${status.fresh ? "daily bars are fresh" : "daily bars are behind"}.</p><ul>${marks}</ul>`
    + `<table><thead><tr><th>Run</th><th>Command</th><th>Outcome</th><th>Finished</th></tr></thead><tbody>${runs}</tbody></table>`;
}

// ---- symbol search ----
let searchTimer;
$("symbol").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const prefix = $("symbol").value.trim();
    if (!/^[A-Za-z][A-Za-z0-9.\-]{0,9}$/.test(prefix)) return;
    try {
      const found = await api(`/v1/symbols?prefix=${encodeURIComponent(prefix)}&limit=20`);
      $("symbol-list").innerHTML = found.symbols.map((s) => `<option value="${escapeHtml(s.symbol)}">${escapeHtml(s.name)}</option>`).join("");
    } catch (error) { showError(error); }
  }, 200);
});

// ---- the financial chart (Apache ECharts, served from the jar) ----
const UP = "#2f8f4e", DOWN = "#c0392b";
const OVERLAY_COLORS = ["#1f6feb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2"];
const chartState = { symbol: null, timeframe: "1d", bars: [], overlays: [], trades: [] };
let chart = null;

function compact(value) {
  const abs = Math.abs(value);
  return abs >= 1e9 ? (value / 1e9).toFixed(1) + "B" : abs >= 1e6 ? (value / 1e6).toFixed(1) + "M"
    : abs >= 1e3 ? (value / 1e3).toFixed(0) + "K" : String(value);
}

// Entry and exit marks of the last backtest, on the bars the chart shows.
function tradeMarks(bars, trades) {
  const shown = new Set(bars.map((b) => b.date));
  const marks = [];
  for (const t of trades) {
    if (shown.has(t.entryDate)) {
      marks.push({ name: "entry", coord: [t.entryDate, t.entryPrice], value: "B", symbol: "triangle", symbolSize: 14,
        symbolOffset: [0, 10], itemStyle: { color: UP } });
    }
    if (t.exitDate && shown.has(t.exitDate)) {
      marks.push({ name: "exit", coord: [t.exitDate, t.exitPrice], value: "S", symbol: "triangle", symbolRotate: 180,
        symbolSize: 14, symbolOffset: [0, -10], itemStyle: { color: DOWN } });
    }
  }
  return marks;
}

function tooltip(params) {
  const b = chartState.bars[params[0].dataIndex];
  if (!b) return "";
  const lines = [`<b>${escapeHtml(chartState.symbol)} ${escapeHtml(b.date)}</b>`,
    `O ${b.open.toFixed(2)} H ${b.high.toFixed(2)} L ${b.low.toFixed(2)} C ${b.close.toFixed(2)}`, `Volume ${compact(b.volume)}`];
  for (const name of chartState.overlays) if (b[name] != null) lines.push(`${escapeHtml(name)} ${Number(b[name]).toFixed(2)}`);
  return lines.join("<br>");
}

function renderChart() {
  const el = $("chart");
  chart = chart || echarts.init(el);
  const { bars, overlays, symbol } = chartState;
  const dates = bars.map((b) => b.date);
  const marks = tradeMarks(bars, chartState.trades);
  const series = [{
    name: symbol, type: "candlestick", data: bars.map((b) => [b.open, b.close, b.low, b.high]),
    itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
    markPoint: { data: marks, label: { color: "#fff", fontSize: 9 } },
  }];
  // A line whose values stay near the prices is drawn over the candles; any other (an oscillator,
  // a pattern's -100/0/100, SuperTrend's direction) on an axis of its own at the right.
  const low = Math.min(...bars.map((b) => b.low)), high = Math.max(...bars.map((b) => b.high));
  const onPrices = (name) => bars.every((b) => b[name] == null || (b[name] >= low / 2 && b[name] <= high * 2));
  const separate = overlays.filter((name) => !onPrices(name));
  overlays.forEach((name, k) => series.push({ name, type: "line", data: bars.map((b) => (b[name] == null ? null : b[name])),
    yAxisIndex: separate.includes(name) ? 2 : 0,
    showSymbol: false, lineStyle: { width: 1.3 }, color: OVERLAY_COLORS[k % OVERLAY_COLORS.length] }));
  series.push({ name: "Volume", type: "bar", xAxisIndex: 1, yAxisIndex: 1,
    data: bars.map((b) => ({ value: b.volume, itemStyle: { color: b.close >= b.open ? UP : DOWN } })) });
  chart.setOption({
    animation: false,
    legend: { top: 0, data: [symbol, ...overlays] },
    tooltip: { trigger: "axis", axisPointer: { type: "cross" }, className: "chart-tooltip", formatter: tooltip },
    axisPointer: { link: [{ xAxisIndex: "all" }] },
    grid: [{ left: 64, right: separate.length ? 64 : 24, top: 32, height: "58%" },
      { left: 64, right: separate.length ? 64 : 24, top: "74%", height: "13%" }],
    xAxis: [
      { type: "category", data: dates, boundaryGap: true, axisLine: { onZero: false }, min: "dataMin", max: "dataMax" },
      { type: "category", gridIndex: 1, data: dates, boundaryGap: true, axisLabel: { show: false }, axisTick: { show: false } },
    ],
    yAxis: [{ scale: true, splitArea: { show: false } },
      { gridIndex: 1, scale: true, splitNumber: 2, axisLabel: { formatter: compact } },
      { gridIndex: 0, position: "right", scale: true, show: separate.length > 0, splitLine: { show: false } }],
    dataZoom: [{ type: "inside", xAxisIndex: [0, 1], start: bars.length > 150 ? 50 : 0, end: 100 },
      { type: "slider", xAxisIndex: [0, 1], bottom: 6, height: 18 }],
    series,
  }, true);
  el.dataset.bars = String(bars.length);
  el.dataset.series = series.map((s) => s.type).join(",");
  el.dataset.markers = String(marks.length);
  el.dataset.separate = separate.join(",");
}

window.addEventListener("resize", () => chart && chart.resize());

async function loadChart(symbol) {
  const timeframe = $("timeframe").value;
  const overlays = [...document.querySelectorAll(".overlay:checked")].map((c) => c.value);
  const extra = $("indicator").value.trim();
  if (extra) overlays.push(extra);
  const query = new URLSearchParams({ symbol, timeframe, limit: "400" });
  const end = new Date(latestSession + "T00:00:00Z");
  const from = new Date(end.getTime() - (timeframe === "1d" ? 400 : 3000) * 86400000);
  query.set("from", from.toISOString().slice(0, 10));
  if (overlays.length) query.set("indicators", overlays.join(","));
  const page = await api(`/v1/bars?${query}`);
  const base = ["date", "open", "high", "low", "close", "volume"];
  // %B and width are ratios, not prices: they are not drawn over the candles.
  const names = page.bars.length ? Object.keys(page.bars[0]).filter((k) => !base.includes(k) && !/_(percent_b|width)$/.test(k)) : [];
  const keepTrades = chartState.symbol === page.symbol && chartState.timeframe === page.timeframe;
  Object.assign(chartState, { symbol: page.symbol, timeframe: page.timeframe, bars: page.bars, overlays: names,
    trades: keepTrades ? chartState.trades : [] });
  renderChart();
  const last = page.bars[page.bars.length - 1];
  $("chart-caption").textContent = `${page.symbol} ${page.timeframe}, ${page.bars.length} bars`
    + (last ? `, last ${last.date} close ${last.close.toFixed(2)}` : "") + (page.adjusted ? " (split-adjusted)" : "")
    + "; drag or scroll to zoom";
  loadSignal(page.symbol).catch(showError);
}

// ---- one symbol's signal ----
async function loadSignal(symbol) {
  const answer = await api(`/v1/signal?symbol=${encodeURIComponent(symbol)}`);
  $("signal-caption").textContent = `${answer.symbol} on ${answer.date}`;
  const call = answer.overall;
  $("signal-overall").innerHTML = `Overall <span class="${escapeHtml(call.signal)}">${escapeHtml(call.signal)}</span>, `
    + `confidence ${(call.confidence * 100).toFixed(0)} % (score ${call.score.toFixed(2)})`;
  const timeframes = answer.strategies.length ? answer.strategies[0].timeframes.map((t) => t.timeframe) : [];
  $("signal-table").querySelector("thead").innerHTML = `<tr><th>Strategy</th><th>Signal</th><th>Score</th>`
    + timeframes.map((t) => `<th>${escapeHtml(t)}</th>`).join("") + "</tr>";
  $("signal-table").querySelector("tbody").innerHTML = answer.strategies.map((s) => {
    const cells = timeframes.map((name) => {
      const t = s.timeframes.find((each) => each.timeframe === name);
      if (!t) return "<td class=\"tf\">–</td>";
      const values = Object.entries(t.values).map(([k, v]) => `${k} = ${v == null ? "n/a" : Number(v).toFixed(2)}`).join(", ");
      return `<td class="tf ${escapeHtml(t.signal)}" title="${escapeHtml(t.rule + (values ? " (" + values + ")" : ""))}">`
        + `${escapeHtml(t.signal)}</td>`;
    }).join("");
    return `<tr><td>${escapeHtml(s.strategy)}</td><td class="${escapeHtml(s.signal)}">${escapeHtml(s.signal)}</td>`
      + `<td>${s.score.toFixed(2)}</td>${cells}</tr>`;
  }).join("");
}

// ---- the market ----
function percentCell(value) {
  return value == null ? "<td></td>" : `<td class="${value >= 0 ? "pos" : "neg"}">${value >= 0 ? "+" : ""}${value.toFixed(2)} %</td>`;
}

function symbolRows(table, rows, cells) {
  table.querySelector("tbody").innerHTML = rows.length ? rows.map((r) => `<tr data-symbol="${escapeHtml(r.symbol)}">`
    + `<td>${escapeHtml(r.symbol)}</td>${cells(r)}</tr>`).join("") : "<tr><td>none</td></tr>";
  table.querySelectorAll("tr[data-symbol]").forEach((row) => row.addEventListener("click", () => {
    $("symbol").value = row.dataset.symbol;
    loadChart(row.dataset.symbol).catch(showError);
  }));
}

async function loadMarket() {
  let summary;
  try {
    summary = await api("/v1/market/summary");
  } catch (error) {
    $("market-narrative").textContent = "No market summary yet: 'barlake run' writes one for every session.";
    return;
  }
  $("market-date").textContent = `for ${summary.date} (${summary.symbols} symbols)`;
  $("market-narrative").textContent = summary.narrative;
  const b = summary.breadth;
  const pct = (v) => (v == null ? "n/a" : v.toFixed(1) + " %");
  $("breadth").innerHTML = [["up", b.advancers], ["down", b.decliners], ["unchanged", b.unchanged], ["new highs", b.new_highs],
    ["new lows", b.new_lows], ["above SMA 50", pct(b.pct_above_sma_50)], ["above SMA 200", pct(b.pct_above_sma_200)],
    ["mood", summary.mood.label], ["turbulence", summary.turbulence == null ? "n/a" : summary.turbulence.toFixed(2)]]
    .map(([label, value]) => `<span>${escapeHtml(label)} <b>${escapeHtml(value)}</b></span>`).join("");
  const mover = (r) => `<td>${r.close.toFixed(2)}</td>${percentCell(r.change_pct)}`;
  symbolRows($("gainers"), summary.movers.gainers, mover);
  symbolRows($("losers"), summary.movers.losers, mover);
  symbolRows($("most-active"), summary.movers.most_active, (r) => `<td>${r.close.toFixed(2)}</td><td>$${compact(r.dollar_volume)}</td>`);
  const a = summary.anomalies;
  $("anomaly-counts").textContent = `${a.volume_spikes} volume spikes, ${a.big_moves} moves over 5 %, ${a.gaps} gaps over 5 %`;
  const report = $("market-report");
  report.hidden = false;
  report.onclick = () => openReport(summary.date).catch(showError);
  await loadAnomalies(summary.date);
}

async function loadAnomalies(date) {
  const filter = $("anomaly-filter").value;
  const page = await api(`/v1/market/symbols?date=${date}&filter=${filter}&limit=25`);
  symbolRows($("anomalies"), page.symbols, (r) => `<td>${r.close.toFixed(2)}</td>${percentCell(r.change_pct)}${percentCell(r.gap_pct)}`
    + `<td>${r.volume_ratio == null ? "" : r.volume_ratio.toFixed(2)}</td><td>${escapeHtml(r.trend)}</td>`);
  $("anomalies").dataset.filter = filter;
}

$("anomaly-filter").addEventListener("change", () => {
  const date = ($("market-date").textContent.match(/\d{4}-\d{2}-\d{2}/) || [])[0];
  loadAnomalies(date).catch(showError);
});

// Without a key the report opens at its own address, under its own content policy. A key never goes
// in an address: with one, the page is fetched with the key and shown from memory (under the
// dashboard's policy, which keeps the report's inline styles out).
async function openReport(date) {
  if (!keyInput.value) {
    window.open(`/v1/market/report?date=${date}`, "_blank", "noopener");
    return;
  }
  const headers = { "x-api-key": keyInput.value };
  const response = await fetch(`/v1/market/report?date=${date}`, { headers });
  if (!response.ok) throw new Error(`${response.status}: the report of ${date} could not be read`);
  const page = URL.createObjectURL(new Blob([await response.text()], { type: "text/html" }));
  window.open(page, "_blank", "noopener");
}

$("chart-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError(null);
  try { await loadChart($("symbol").value.trim()); } catch (error) { showError(error); }
});

// ---- latest signals ----
async function loadSignals() {
  const signals = await api("/v1/signals?limit=20");
  $("signals-date").textContent = `for ${signals.date} (${signals.total} picks)`;
  $("signals").querySelector("tbody").innerHTML = signals.signals.map((s) =>
    `<tr class="pick" data-symbol="${escapeHtml(s.symbol)}"><td>${s.rank}</td><td>${escapeHtml(s.symbol)}</td>`
    + `<td>${escapeHtml(s.strategy)}</td><td class="${escapeHtml(s.signal)}">${escapeHtml(s.signal)}</td>`
    + `<td>${s.score.toFixed(2)}</td><td class="why">${escapeHtml(s.explanation)}</td></tr>`).join("");
  document.querySelectorAll("tr.pick").forEach((row) => row.addEventListener("click", () => {
    $("symbol").value = row.dataset.symbol;
    loadChart(row.dataset.symbol).catch(showError);
  }));
}

// ---- backtest ----
function drawEquity(canvas, equity) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, pad = 60;
  ctx.clearRect(0, 0, w, h);
  if (equity.length < 2) return;
  const values = equity.map((p) => p.equity);
  const lo = Math.min(...values), hi = Math.max(...values);
  const y = (v) => h - 20 - (v - lo) / (hi - lo || 1) * (h - 40);
  const x = (i) => pad + i * (w - pad - 10) / (equity.length - 1);
  ctx.fillStyle = "#556"; ctx.font = "11px sans-serif";
  ctx.fillText(hi.toFixed(0), 2, y(hi) + 4);
  if (hi !== lo) ctx.fillText(lo.toFixed(0), 2, y(lo));
  ctx.strokeStyle = "#1f6feb"; ctx.lineWidth = 1.5;
  ctx.beginPath();
  values.forEach((v, i) => (i ? ctx.lineTo(x(i), y(v)) : ctx.moveTo(x(i), y(v))));
  ctx.stroke();
  ctx.lineWidth = 1;
  canvas.dataset.points = String(equity.length);
}

$("backtest-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError(null);
  const symbol = $("symbol").value.trim();
  if (!symbol) { showError("Choose a symbol in the chart first"); return; }
  const request = { symbol, strategy: $("strategy").value, timeframe: $("timeframe").value };
  if ($("bt-from").value) request.from = $("bt-from").value;
  if ($("bt-to").value) request.to = $("bt-to").value;
  try {
    const result = await api("/v1/backtest", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    const m = result.metrics;
    const pct = (v) => (v * 100).toFixed(2) + " %";
    $("metrics").innerHTML = `<p>${escapeHtml(result.strategy)} on ${escapeHtml(result.symbol)} (${escapeHtml(result.timeframe)}), `
      + `${escapeHtml(result.from)} to ${escapeHtml(result.to)}, ${result.bars} bars, ${result.trades.length} trades</p>`
      + `<table id="metrics-table"><tr><th>Total return</th><td>${pct(m.totalReturn)}</td><th>CAGR</th><td>${pct(m.cagr)}</td></tr>`
      + `<tr><th>Max drawdown</th><td>${pct(m.maxDrawdown)}</td><th>Sharpe</th><td>${Number(m.sharpe).toFixed(2)}</td></tr></table>`;
    drawEquity($("equity"), result.equity);
    if (chartState.symbol === result.symbol && chartState.timeframe === result.timeframe) {
      chartState.trades = result.trades;
      renderChart();
    }
  } catch (error) { showError(error); }
});

// ---- the indicator catalogue, for the chart's indicator field ----
async function loadIndicators() {
  const listing = await api("/v1/indicators");
  $("indicator-list").innerHTML = listing.indicators.filter((i) => i.in_spec).map((i) => {
    const defaults = i.parameters.map((p) => `${p.name}=${p.default}`).join(", ");
    return `<option value="${escapeHtml(i.name.toLowerCase())}">${escapeHtml(i.group + (defaults ? ": " + defaults : ""))}</option>`;
  }).join("");
  $("indicator-list").dataset.count = String(listing.count);
}

async function refresh() {
  showError(null);
  try {
    await loadStatus();
    await loadIndicators();
    await loadMarket();
    await loadSignals();
  } catch (error) { showError(error); }
}

refresh();
