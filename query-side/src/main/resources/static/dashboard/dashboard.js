/*
 * 招商台账 · 领导驾驶舱: reads the ledger's JSON API (same origin, same login: the browser sends the credentials it
 * used for this page) and shows the figures as the API gives them. Every figure cell carries data-* attributes
 * naming the row it shows, so a browser test can compare it with the API.
 */
'use strict';

const INDICATORS = {
  LEADS_COLLECTED: '收集线索', COMPANIES_VISITED: '走访企业', INVESTOR_INSPECTIONS: '客商考察',
  PROJECTS_SIGNED: '签约项目', SIGNED_AMOUNT: '签约金额', CONSTRUCTION_STARTED: '开工项目',
  CAPITAL_VERIFIED_CNY: '到位内资', CAPITAL_VERIFIED_USD: '到位外资', PRODUCTION_STARTED: '投产项目'
};
const STAGES = {
  LEAD: '线索', NEGOTIATING: '洽谈', INTENT: '意向', SIGNED: '签约', REGISTERED: '注册', LAND_ASSIGNED: '供地',
  UNDER_CONSTRUCTION: '在建', COMPLETED: '竣工', IN_PRODUCTION: '投产', TERMINATED: '终止', ABANDONED: '放弃'
};
const COLOURS = { GREEN: '绿', YELLOW: '黄', RED: '红' };
const CASE_STATUS = {
  OPENED: '已立项', REVIEWED: '已审核', ISSUED: '已交办', ACKNOWLEDGED: '已签收', HANDLED: '办理中',
  REPORTED_BACK: '已反馈', RECHECKED: '已复核', CLOSED: '已办结'
};
const BULLETIN_KINDS = { ON_DEMAND: '临时', WEEKLY: '周报', MONTHLY: '月报', QUARTERLY: '季报', CAMPAIGN_FINAL: '活动总结' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const charts = {};
const $ = (id) => document.getElementById(id);

/** GET a JSON resource of the API with the page's credentials; a refusal is shown, never hidden. */
async function api(path, accept) {
  // against the origin (never the page's URL, which may carry user:password@ and would make fetch refuse)
  const response = await fetch(new URL(path, location.origin), { credentials: 'same-origin', headers: { Accept: accept || 'application/json' } });
  if (!response.ok) {
    throw new Error(path + ' → ' + response.status);
  }
  return accept === XLSX ? response.blob() : response.json();
}

function text(value) {
  return value === null || value === undefined ? '—' : String(value);
}

/** A completion ratio (0.478) as the page shows it: 47.8%. */
function percent(ratio) {
  if (ratio === null || ratio === undefined) {
    return '—';
  }
  return (Number(ratio) * 100).toFixed(1) + '%';
}

function money(m) {
  return m ? m.amount + ' ' + m.currency : '—';
}

function cell(row, value, field, numeric) {
  const td = document.createElement('td');
  td.textContent = text(value);
  if (field) {
    td.dataset.field = field;
  }
  if (numeric) {
    td.className = 'num';
  }
  row.appendChild(td);
  return td;
}

function fill(tableId, items, render, emptyText) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren();
  if (items.length === 0) {
    const tr = document.createElement('tr');
    tr.className = 'empty';
    const td = document.createElement('td');
    td.colSpan = $(tableId).querySelectorAll('thead th').length;
    td.textContent = emptyText;
    tr.appendChild(td);
    body.appendChild(tr);
    return;
  }
  items.forEach((item) => {
    const tr = document.createElement('tr');
    render(tr, item);
    body.appendChild(tr);
  });
}

function chart(id, config) {
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart($(id), config);
}

function movement(row) {
  if (row.movement === null || row.movement === undefined) {
    return { arrow: '新', css: 'same', title: '上一期无排名' };
  }
  if (row.movement > 0) {
    return { arrow: '↑' + row.movement, css: 'up', title: '上升' + row.movement + '位' };
  }
  if (row.movement < 0) {
    return { arrow: '↓' + (-row.movement), css: 'down', title: '下降' + (-row.movement) + '位' };
  }
  return { arrow: '→', css: 'same', title: '持平' };
}

async function showRanking() {
  const campaignId = $('campaignId').value;
  const peerGroup = $('peerGroup').value;
  if (!peerGroup) {
    fill('ranking', [], () => {}, '暂无对标组');
    return;
  }
  const query = campaignId
    ? 'campaignId=' + encodeURIComponent(campaignId) + '&peerGroup=' + encodeURIComponent(peerGroup)
    : 'peerGroup=' + encodeURIComponent(peerGroup) + '&from=' + $('from').value + '&to=' + $('to').value;
  const ranking = await api('/api/rankings?' + query);
  $('ranking-caption').textContent = peerGroup + '，' + ranking.from + ' 至 ' + ranking.to;
  fill('ranking', ranking.rows, (tr, row) => {
    tr.dataset.unit = row.unitId;
    cell(tr, row.rank, 'rank', true);
    const move = movement(row);
    const td = cell(tr, move.arrow, 'movement');
    td.classList.add(move.css);
    td.title = move.title;
    cell(tr, row.unitName || row.unitId, 'unit');
    cell(tr, row.score, 'score', true);
    const colour = cell(tr, COLOURS[row.colour] || row.colour, 'colour');
    colour.innerHTML = '';
    const chip = document.createElement('span');
    chip.className = 'chip ' + row.colour;
    chip.dataset.colour = row.colour;
    chip.textContent = COLOURS[row.colour] || row.colour;
    colour.appendChild(chip);
    cell(tr, row.overdueProjects, 'overdueProjects', true);
  }, '该期间暂无排名');
}

async function showProgress() {
  const campaignId = $('campaignId').value;
  if (!campaignId) {
    $('progress-caption').textContent = '未选择专项活动';
    fill('progress', [], () => {}, '暂无专项活动');
    chart('progress-chart', { type: 'bar', data: { labels: [], datasets: [] } });
    return;
  }
  const progress = await api('/api/campaigns/' + encodeURIComponent(campaignId) + '/progress');
  $('progress-caption').textContent = progress.name + '，' + progress.from + ' 至 ' + progress.to;
  const rows = progress.units.filter((row) => row.target !== null && row.target !== undefined);
  fill('progress', rows, (tr, row) => {
    tr.dataset.unit = row.unitId;
    tr.dataset.indicator = row.indicator;
    cell(tr, row.unitName || row.unitId, 'unit');
    cell(tr, INDICATORS[row.indicator] || row.indicator, 'indicator');
    cell(tr, row.actual, 'actual', true);
    cell(tr, row.target, 'target', true);
    cell(tr, percent(row.completion), 'completion', true);
  }, '暂无目标');
  const indicators = [...new Set(rows.map((row) => row.indicator))];
  const units = [...new Set(rows.map((row) => row.unitName || row.unitId))];
  const palette = ['#c62828', '#1565c0', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#4e342e', '#37474f'];
  chart('progress-chart', {
    type: 'bar',
    data: {
      labels: units,
      datasets: indicators.map((indicator, i) => ({
        label: INDICATORS[indicator] || indicator,
        backgroundColor: palette[i % palette.length],
        data: units.map((unit) => {
          const row = rows.find((r) => (r.unitName || r.unitId) === unit && r.indicator === indicator);
          return row && row.completion !== null ? Number(row.completion) * 100 : null;
        })
      }))
    },
    options: { animation: false, maintainAspectRatio: false, indexAxis: 'y',
      scales: { x: { title: { display: true, text: '完成率（%）' } } } }
  });
}

async function showFunnel() {
  const unitId = $('unitId').value;
  if (!unitId) {
    fill('funnel', [], () => {}, '暂无单位');
    return;
  }
  const conversion = await api('/api/conversion?unitId=' + encodeURIComponent(unitId)
    + '&from=' + $('from').value + '&to=' + $('to').value);
  $('funnel-caption').textContent = unitName(unitId) + '，' + conversion.from + ' 至 ' + conversion.to;
  const stages = Object.keys(conversion.funnel).filter((stage) => stage !== 'TERMINATED' && stage !== 'ABANDONED');
  const all = Object.keys(conversion.funnel);
  fill('funnel', all, (tr, stage) => {
    tr.dataset.stage = stage;
    cell(tr, STAGES[stage] || stage, 'stageName');
    cell(tr, conversion.funnel[stage], 'count', true);
  }, '暂无数据');
  chart('funnel-chart', {
    type: 'bar',
    data: {
      labels: stages.map((stage) => STAGES[stage] || stage),
      datasets: [{ label: '项目数', backgroundColor: '#b71c1c', data: stages.map((stage) => conversion.funnel[stage]) }]
    },
    options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', plugins: { legend: { display: false } } }
  });
}

async function showOverdue() {
  const unitId = $('unitId').value;
  const findings = await api('/api/supervision/overdue-projects' + (unitId ? '?unitId=' + encodeURIComponent(unitId) : ''));
  $('overdue-count').textContent = findings.findings.length;
  fill('overdue', findings.findings, (tr, f) => {
    tr.dataset.project = f.projectId;
    cell(tr, f.projectName, 'projectName');
    cell(tr, unitName(f.unitId), 'unit');
    cell(tr, f.sinceOn, 'sinceOn');
    cell(tr, f.deadlineOn, 'deadlineOn');
    cell(tr, f.daysOverdue, 'daysOverdue', true);
    cell(tr, f.leaderName, 'leaderName');
  }, '暂无逾期项目');
}

async function showCases() {
  const unitId = $('unitId').value;
  const list = await api('/api/supervision/cases?open=true' + (unitId ? '&unitId=' + encodeURIComponent(unitId) : ''));
  $('cases-count').textContent = list.cases.length;
  fill('cases', list.cases, (tr, c) => {
    tr.dataset.case = c.caseId;
    cell(tr, c.subject, 'subject');
    cell(tr, unitName(c.leadUnitId), 'unit');
    cell(tr, c.leaderName, 'leaderName');
    cell(tr, c.deadlineOn, 'deadlineOn');
    cell(tr, CASE_STATUS[c.status] || c.status, 'status');
    cell(tr, c.overdueCount, 'overdueCount', true);
  }, '暂无未结督办事项');
}

async function showBulletins() {
  const bulletins = await api('/api/bulletins');
  fill('bulletins', bulletins, (tr, b) => {
    tr.dataset.bulletin = b.id;
    cell(tr, b.title, 'title');
    cell(tr, BULLETIN_KINDS[b.kind] || b.kind, 'kind');
    cell(tr, b.peerGroup, 'peerGroup');
    cell(tr, b.from + ' 至 ' + b.to, 'period');
    cell(tr, new Date(b.publishedAt).toLocaleString('zh-CN'), 'publishedAt');
    const td = cell(tr, '', 'download');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '下载 XLSX';
    button.addEventListener('click', () => download(b));
    td.appendChild(button);
  }, '暂无通报');
}

/** The XLSX of a bulletin, fetched with the page's credentials and saved under the bulletin's title. */
async function download(bulletin) {
  const blob = await api('/api/bulletins/' + encodeURIComponent(bulletin.id), XLSX);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = bulletin.title + '.xlsx';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

let units = [];

function unitName(id) {
  const unit = units.find((u) => u.id === id);
  return unit ? unit.name : text(id);
}

function options(select, values, keep) {
  const previous = keep || select.value;
  select.replaceChildren();
  values.forEach(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  });
  if (values.some(([value]) => value === previous)) {
    select.value = previous;
  }
}

async function loadChoices() {
  const params = new URLSearchParams(location.search);
  units = (await api('/api/units')).items;
  const groups = [...new Set(units.map((u) => u.peerGroup).filter((g) => g))];
  options($('peerGroup'), groups.map((g) => [g, g]), params.get('peerGroup'));
  options($('unitId'), units.map((u) => [u.id, u.name + '（' + u.id + '）']), params.get('unitId'));
  const campaigns = await api('/api/campaigns');
  options($('campaignId'), [['', '（不按活动）']].concat(campaigns.map((c) => [c.id, c.name])), params.get('campaignId'));
  const year = new Date().getFullYear();
  $('from').value = params.get('from') || year + '-01-01';
  $('to').value = params.get('to') || year + '-12-31';
}

async function refresh() {
  const status = $('status');
  status.textContent = '读取中…';
  document.body.dataset.loaded = 'false';
  const results = await Promise.allSettled([showRanking(), showProgress(), showFunnel(), showOverdue(), showCases(),
    showBulletins()]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  status.textContent = failed.length === 0 ? '已更新 ' + new Date().toLocaleTimeString('zh-CN') : '读取失败：' + failed.join('；');
  document.body.dataset.loaded = failed.length === 0 ? 'true' : 'failed';
}

document.addEventListener('DOMContentLoaded', async () => {
  try {
    await loadChoices();
  } catch (e) {
    $('status').textContent = '读取失败：' + e.message;
    document.body.dataset.loaded = 'failed';
    return;
  }
  ['peerGroup', 'unitId', 'campaignId', 'from', 'to'].forEach((id) => $(id).addEventListener('change', refresh));
  $('refresh').addEventListener('click', refresh);
  await refresh();
});
