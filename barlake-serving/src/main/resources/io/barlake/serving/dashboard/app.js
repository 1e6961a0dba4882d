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

// ---- candlestick chart ----
const OVERLAY_COLORS = ["#1f6feb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2"];

function drawCandles(canvas, bars, overlayNames) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, pad = 50;
  ctx.clearRect(0, 0, w, h);
  if (bars.length === 0) return;
  let lo = Infinity, hi = -Infinity;
  for (const b of bars) {
    lo = Math.min(lo, b.low); hi = Math.max(hi, b.high);
    for (const name of overlayNames) if (b[name] != null) { lo = Math.min(lo, b[name]); hi = Math.max(hi, b[name]); }
  }
  const y = (p) => h - pad / 2 - (p - lo) / (hi - lo || 1) * (h - pad);
  const step = (w - pad) / bars.length;
  const x = (i) => pad + i * step + step / 2;
  ctx.strokeStyle = "#ccd"; ctx.fillStyle = "#556"; ctx.font = "11px sans-serif";
  for (let k = 0; k <= 4; k++) {
    const p = lo + (hi - lo) * k / 4;
    ctx.beginPath(); ctx.moveTo(pad, y(p)); ctx.lineTo(w, y(p)); ctx.stroke();
    ctx.fillText(p.toFixed(2), 2, y(p) + 4);
  }
  bars.forEach((b, i) => {
    const up = b.close >= b.open;
    ctx.strokeStyle = ctx.fillStyle = up ? "#2f8f4e" : "#c0392b";
    ctx.beginPath(); ctx.moveTo(x(i), y(b.high)); ctx.lineTo(x(i), y(b.low)); ctx.stroke();
    const top = y(Math.max(b.open, b.close)), bottom = y(Math.min(b.open, b.close));
    ctx.fillRect(x(i) - Math.max(1, step * 0.35), top, Math.max(2, step * 0.7), Math.max(1, bottom - top));
  });
  overlayNames.forEach((name, k) => {
    ctx.strokeStyle = OVERLAY_COLORS[k % OVERLAY_COLORS.length];
    ctx.beginPath();
    let started = false;
    bars.forEach((b, i) => {
      if (b[name] == null) { started = false; return; }
      if (started) ctx.lineTo(x(i), y(b[name])); else { ctx.moveTo(x(i), y(b[name])); started = true; }
    });
    ctx.stroke();
    ctx.fillStyle = ctx.strokeStyle;
    ctx.fillText(name, pad + 8 + k * 130, 14);
  });
  canvas.dataset.bars = String(bars.length);
}

async function loadChart(symbol) {
  const timeframe = $("timeframe").value;
  const overlays = [...document.querySelectorAll(".overlay:checked")].map((c) => c.value);
  const query = new URLSearchParams({ symbol, timeframe, limit: "400" });
  const end = new Date(latestSession + "T00:00:00Z");
  const from = new Date(end.getTime() - (timeframe === "1d" ? 400 : 3000) * 86400000);
  query.set("from", from.toISOString().slice(0, 10));
  if (overlays.length) query.set("indicators", overlays.join(","));
  const page = await api(`/v1/bars?${query}`);
  const base = ["date", "open", "high", "low", "close", "volume"];
  // %B and width are ratios, not prices: they are not drawn over the candles.
  const names = page.bars.length ? Object.keys(page.bars[0]).filter((k) => !base.includes(k) && !/_(percent_b|width)$/.test(k)) : [];
  drawCandles($("chart"), page.bars, names);
  const last = page.bars[page.bars.length - 1];
  $("chart-caption").textContent = `${page.symbol} ${page.timeframe}, ${page.bars.length} bars`
    + (last ? `, last ${last.date} close ${last.close.toFixed(2)}` : "") + (page.adjusted ? " (split-adjusted)" : "");
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
  } catch (error) { showError(error); }
});

async function refresh() {
  showError(null);
  try {
    await loadStatus();
    await loadSignals();
  } catch (error) { showError(error); }
}

refresh();
