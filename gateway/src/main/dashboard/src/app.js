// The command centre's dashboard. Every figure shown comes from the gateway's public API: the
// situation report (/api/v1/situation), the lists it links to and the feeds (/api/v1/feed/...).
// The page only lays them out; a section whose service cannot answer says so, with the reason.
// A part of an answer that is missing or null is drawn as empty ("—", no rows), never computed.
(function () {
  'use strict';

  const TEXT = {
    zh: {
      title: '旌阳区疫情防控指挥中心', day: '日期', logout: '退出', login: '登录', username: '用户名',
      password: '密码', signIn: '登录', map: '卡点分布', hourly: '每小时检查与预警',
      coverage: '各派出所核查覆盖', cases: '案件', personnel: '人员在岗与疲劳预警', party: '入党申请',
      feed: '实时动态', unavailable: '不可用', updated: '更新于', loginFailed: '登录失败',
      checkpointsActive: '运行卡点', inspections: '检查记录', persons: '检查人员', flagged: '预警人员',
      vehicles: '车辆', done: '已核查', open: '未完成', overdue: '逾期', unroutable: '无法分派',
      districtQueue: '区级待分派', overdueOf: '逾期任务', noOverdue: '无逾期任务', due: '截止',
      opened: '当日新增', closed: '当日结案', byStatus: '按状态', byKind: '当日新增（按类别）',
      latest: '最新案件', timeline: '办案经过', onDuty: '在岗', sick: '病休', injured: '受伤',
      onLeave: '休假', fatigueOpen: '疲劳预警', streak: '连续天数', applicationsDay: '当日提交',
      applicationsWeek: '近七日提交', hour: '时', noEvents: '暂无动态', waiting: '加载中…', unreadable: '无法显示的回答',
    },
    en: {
      title: 'Jingyang District Epidemic Command Centre', day: 'Day', logout: 'Log out',
      login: 'Log in', username: 'Username', password: 'Password', signIn: 'Log in',
      map: 'Checkpoints', hourly: 'Inspections and flags per hour', coverage: 'Verification coverage per station',
      cases: 'Cases', personnel: 'Personnel on duty and fatigue alerts', party: 'Party applications',
      feed: 'Live events', unavailable: 'unavailable', updated: 'updated', loginFailed: 'Login failed',
      checkpointsActive: 'Active checkpoints', inspections: 'Inspections', persons: 'Persons',
      flagged: 'Flagged', vehicles: 'Vehicles', done: 'done', open: 'open', overdue: 'overdue',
      unroutable: 'unroutable', districtQueue: 'District queue', overdueOf: 'Overdue tasks',
      noOverdue: 'No overdue task', due: 'due', opened: 'Opened today', closed: 'Closed today',
      byStatus: 'By status', byKind: 'Opened today by kind', latest: 'Latest cases',
      timeline: 'Timeline', onDuty: 'On duty', sick: 'Sick', injured: 'Injured', onLeave: 'On leave',
      fatigueOpen: 'Fatigue alerts', streak: 'days in a row', applicationsDay: 'Submitted on the day',
      applicationsWeek: 'Last 7 days', hour: 'h', noEvents: 'No events yet', waiting: 'Loading…',
      unreadable: 'answer not shown',
    },
  };
  const ENUMS = {
    zh: {
      REPORTED: '已报案', ACCEPTED: '已受理', UNDER_INVESTIGATION: '调查中', ADMINISTRATIVE_PENALTY: '行政处罚',
      CRIMINAL_CASE_FILED: '刑事立案', MEDIATED: '已调解', NO_VIOLATION: '不构成违法', CLOSED: '已结案',
      COUNTERFEIT_PROTECTIVE_GOODS: '假冒防护用品', RUMOUR: '散布谣言', CONCEALMENT_OF_EXPOSURE: '隐瞒接触史',
      OBSTRUCTING_EPIDEMIC_CONTROL: '妨害防疫', PRICE_GOUGING: '哄抬物价', OTHER: '其他',
      ACTIVE: '运行', SUSPENDED: '暂停', PLANNED: '计划', CLOSED_CP: '撤除',
    },
    en: {},
  };

  const params = new URLSearchParams(location.search);
  const refreshMs = Math.max(5, Number(params.get('refresh')) || 30) * 1000;
  let lang = localStorage.getItem('dashboard.lang') || (params.get('lang') === 'en' ? 'en' : 'zh');
  let token = sessionStorage.getItem('dashboard.token');
  let timer = null;
  let hourlyChart = null;
  const $ = (sel, root) => (root || document).querySelector(sel);
  // the parts of an answer as the page reads them: a missing or null object is empty, a missing
  // list has no rows, a missing number is shown as "—" (the page never makes a figure up)
  const obj = (x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? x : {});
  const arr = (x) => (Array.isArray(x) ? x : []);
  const num = (x) => (typeof x === 'number' ? x : '—');

  const t = (key) => TEXT[lang][key] || key;
  const label = (value) => (ENUMS[lang] && ENUMS[lang][value]) || value;
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const today = () => new Intl.DateTimeFormat('en-CA',
    { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const time = (iso) => (iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB',
    { timeZone: 'Asia/Shanghai', hour12: false }) : '');

  function translate() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('#lang').textContent = lang === 'zh' ? 'English' : '中文';
  }

  /** A call to the gateway: {ok, status, body, reason}. A 401 sends the viewer back to the login. */
  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, Object.assign({}, options, {
        headers: Object.assign({ Accept: 'application/json' },
          token ? { Authorization: 'Bearer ' + token } : {}, (options || {}).headers),
      }));
    } catch (e) {
      return { ok: false, status: 0, reason: String(e.message || e) };
    }
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (response.status === 401 && token) { showLogin(); }
    const reason = body && (body.detail || body.title) ? (body.title + (body.detail ? ': ' + body.detail : ''))
      : 'HTTP ' + response.status;
    return { ok: response.ok, status: response.status, body, reason };
  }

  function section(name) { return $('[data-section="' + name + '"]'); }

  function unavailable(name, reason) {
    const s = section(name);
    $('.body', s).innerHTML = '<p class="unavailable" data-unavailable>' + esc(t('unavailable'))
      + ' — ' + esc(reason) + '</p>';
    s.dataset.state = 'unavailable';
  }

  function ready(name, html) {
    const s = section(name);
    $('.body', s).innerHTML = html;
    s.dataset.state = 'ready';
    return s;
  }

  const figure = (key, value) => '<div><span class="figure" data-figure="' + esc(key) + '">'
    + esc(num(value)) + '</span><span class="label">' + esc(t(key)) + '</span></div>';

  // ---- the page's configuration (GET dashboard-config.json, the gateway's ops.dashboard.* keys):
  // tileUrl, an XYZ tile template ({z}/{x}/{y}) drawn under the outline; none: the outline alone
  let config = null;
  async function loadConfig() {
    if (config) { return config; }
    try {
      const response = await fetch('dashboard-config.json', { headers: { Accept: 'application/json' } });
      config = response.ok ? obj(await response.json()) : {};
    } catch (e) {
      config = {};
    }
    return config;
  }

  /** The tiles (Web Mercator XYZ) that cover [x0, x1, y0, y1] (degrees), as SVG images. */
  function tiles([x0, x1, y0, y1], width, px, py) {
    const template = config && typeof config.tileUrl === 'string' ? config.tileUrl.trim() : '';
    if (!template || !(x1 > x0) || !(y1 > y0)) { return ''; }
    // the zoom at which a 256-pixel tile is about as wide as the map shows it
    const z = Math.min(18, Math.max(1, Math.round(Math.log2(360 * width / (256 * (x1 - x0)))) + 1));
    const n = 2 ** z;
    const tx = (lon) => Math.floor((lon + 180) / 360 * n);
    const ty = (lat) => Math.floor((1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * n);
    const lon = (x) => x / n * 360 - 180;
    const lat = (y) => Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI;
    let images = '<g class="tiles">';
    for (let x = tx(x0); x <= tx(x1) && x < n; x++) {
      for (let y = ty(y1); y <= ty(y0) && y < n; y++) {
        const url = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
        const [left, right, top, bottom] = [px(lon(x)), px(lon(x + 1)), py(lat(y)), py(lat(y + 1))];
        images += '<image data-tile href="' + esc(url) + '" x="' + left + '" y="' + top + '" width="'
          + (right - left) + '" height="' + (bottom - top) + '" preserveAspectRatio="none"/>';
      }
    }
    return images + '</g>';
  }

  // ---- checkpoints on the district outline (the last hovered checkpoint's figures stay shown)
  let towns = null;
  let mapTip = '';
  async function renderMap(report, day) {
    const c = report.checkpoint;
    if (!c || c.status !== 'available') { unavailable('map', c ? c.reason : 'no section'); return; }
    const [list, stats] = await Promise.all([
      api('/api/v1/checkpoint/checkpoints?size=200'),
      api('/api/v1/checkpoint/statistics?from=' + day + '&to=' + day),
    ]);
    if (!list.ok) { unavailable('map', list.reason); return; }
    if (!towns) { towns = await (await fetch('towns.geojson')).json(); }
    await loadConfig();
    const figures = {};
    arr(stats.ok ? obj(stats.body).checkpoints : []).forEach((f) => { figures[f.checkpointId] = obj(f.figures); });
    const points = arr(obj(list.body).items).filter((p) => p.latitude != null && p.longitude != null);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    const extend = (x, y) => { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); };
    const outline = arr(obj(towns).features);
    outline.forEach((f) => f.geometry.coordinates[0].forEach(([x, y]) => extend(x, y)));
    points.forEach((p) => extend(p.longitude, p.latitude));
    const W = 360; const H = 260;
    const px = (x) => 6 + (x - x0) / (x1 - x0) * (W - 12);
    const py = (y) => H - 6 - (y - y0) / (y1 - y0) * (H - 12);
    const underlay = tiles([x0, x1, y0, y1], W, px, py);
    let svg = '<svg class="map' + (underlay ? ' with-tiles' : '') + '" viewBox="0 0 ' + W + ' ' + H
      + '" width="100%">' + underlay;
    outline.forEach((f) => {
      const ring = f.geometry.coordinates[0];
      svg += '<polygon class="town" points="' + ring.map(([x, y]) => px(x) + ',' + py(y)).join(' ') + '"/>';
      const cx = ring.slice(0, -1).reduce((a, [x]) => a + x, 0) / (ring.length - 1);
      const cy = ring.slice(0, -1).reduce((a, [, y]) => a + y, 0) / (ring.length - 1);
      svg += '<text x="' + px(cx) + '" y="' + py(cy) + '" text-anchor="middle">'
        + esc(lang === 'zh' ? f.properties.name : f.properties.nameEn) + '</text>';
    });
    points.forEach((p) => {
      const f = figures[p.id] || { inspections: 0, flagged: 0 };
      const tip = p.name + ' (' + label(p.status === 'CLOSED' ? 'CLOSED_CP' : p.status) + '): '
        + t('inspections') + ' ' + num(f.inspections) + ' / ' + t('flagged') + ' ' + num(f.flagged);
      svg += '<circle class="checkpoint status-' + esc(p.status) + '" data-checkpoint="' + esc(p.code)
        + '" data-tip="' + esc(tip) + '" cx="' + px(p.longitude) + '" cy="' + py(p.latitude)
        + '" r="7"><title>' + esc(tip) + '</title></circle>';
    });
    svg += '</svg><div id="maptip" class="muted">' + esc(mapTip) + '</div>';
    const inspected = obj(c.inspected);
    const s = ready('map', '<div class="figures">' + figure('checkpointsActive', c.checkpointsActive)
      + figure('inspections', inspected.inspections) + figure('flagged', inspected.flagged) + '</div>' + svg);
    s.querySelectorAll('circle.checkpoint').forEach((el) => {
      el.addEventListener('mouseenter', () => { mapTip = el.dataset.tip; $('#maptip').textContent = mapTip; });
    });
  }

  // ---- inspections and flags per hour (uPlot)
  function renderHourly(report) {
    const c = report.checkpoint;
    if (!c || c.status !== 'available') { unavailable('hourly', c ? c.reason : 'no section'); return; }
    const inspected = obj(c.inspected);
    const s = ready('hourly', '<div class="figures">' + figure('inspections', inspected.inspections)
      + figure('persons', inspected.persons) + figure('flagged', inspected.flagged) + '</div><div class="chart"></div>');
    const hours = arr(c.perHour);
    const data = [hours.map((h) => h.hour), hours.map((h) => h.inspections), hours.map((h) => h.flagged)];
    if (hourlyChart) { hourlyChart.destroy(); }
    hourlyChart = new uPlot({
      width: Math.max(260, $('.chart', s).clientWidth || 360), height: 170,
      scales: { x: { time: false } },
      legend: { live: false },
      axes: [{ stroke: '#9fb3c8', label: t('hour') }, { stroke: '#9fb3c8' }],
      series: [{ label: t('hour') },
        { label: t('inspections'), stroke: '#8ecae6', fill: 'rgba(142,202,230,0.3)', paths: uPlot.paths.bars({ size: [0.6] }) },
        { label: t('flagged'), stroke: '#e63946', width: 2 }],
    }, data, $('.chart', s));
  }

  // ---- verification coverage per station, a bar's click lists its overdue tasks (kept open, and
  // read again, across the page's refreshes)
  let openStation = null;
  function renderCoverage(report) {
    const k = report.case;
    if (!k || k.status !== 'available') {
      $('#overdue').innerHTML = '';
      openStation = null;
      unavailable('coverage', k ? k.reason : 'no section');
      return;
    }
    const stations = arr(obj(k.verification).stations);
    const max = Math.max(1, ...stations.map((s) => Number(s.total) || 0));
    const html = stations.map((s, i) => {
      const name = s.stationUnitId ? (s.stationName || s.stationCode) : t('districtQueue');
      const cls = ['bar', s.unroutable > 0 ? 'unroutable' : '', s.overdue > 0 ? 'has-overdue' : ''].join(' ');
      const w = (n) => (100 * n / max) + '%';
      return '<div class="' + cls + '" data-bar="' + i + '"'
        + (s.stationUnitId ? ' data-station="' + esc(s.stationCode) + '"' : ' data-district-queue') + '>'
        + '<span class="name">' + esc(name) + '</span><span class="track">'
        + '<span class="done" style="width:' + w(s.done) + '"></span>'
        + '<span class="overdue" style="width:' + w(s.overdue) + '"></span>'
        + '<span class="open" style="width:' + w(Math.max(0, s.open - s.overdue)) + '"></span></span>'
        + '<span><span class="figure-sm" data-figure="done">' + esc(num(s.done)) + '</span>/' + esc(num(s.total))
        + (s.overdue ? ' · ' + t('overdue') + ' <b data-figure="overdue">' + s.overdue + '</b>' : '')
        + (s.unroutable ? ' · ' + t('unroutable') + ' <b data-figure="unroutable">' + s.unroutable + '</b>' : '')
        + '</span></div>';
    }).join('');
    const el = ready('coverage', html || '<p class="muted">—</p>');
    el.querySelectorAll('.bar').forEach((bar) => {
      bar.addEventListener('click', () => showOverdue(stations[Number(bar.dataset.bar)], true));
    });
    const open = openStation === null ? undefined
      : stations.find((s) => (s.stationUnitId || '') === openStation);
    if (open) { showOverdue(open, false); } else { openStation = null; $('#overdue').innerHTML = ''; }
  }

  async function showOverdue(station, clicked) {
    const box = $('#overdue');
    const name = station.stationUnitId ? (station.stationName || station.stationCode) : t('districtQueue');
    openStation = station.stationUnitId || '';
    if (clicked) { box.innerHTML = '<p class="muted">' + esc(t('waiting')) + '</p>'; }
    const query = station.stationUnitId ? '?station=' + station.stationUnitId + '&size=50' : '?size=50';
    const r = await api('/api/v1/case/verification-coverage/overdue' + query);
    if (!r.ok) {
      box.innerHTML = '<p class="unavailable" data-unavailable>' + esc(t('unavailable')) + ' — ' + esc(r.reason) + '</p>';
      return;
    }
    const items = arr(obj(r.body).items).filter((task) => station.stationUnitId || !task.stationUnitId);
    box.innerHTML = '<h3>' + esc(name) + ' · ' + esc(t('overdueOf')) + ' (<span data-overdue-total>'
      + esc(num(obj(r.body).total)) + '</span>)</h3>' + (items.length === 0 ? '<p>' + esc(t('noOverdue')) + '</p>'
      : '<table data-overdue-list><tr><th></th><th></th><th>' + esc(t('due')) + '</th></tr>'
        + items.map((task) => '<tr><td>' + esc(task.personName) + '</td><td>' + esc(task.town)
          + '</td><td>' + esc(time(task.dueAt)) + '</td></tr>').join('') + '</table>');
  }

  // ---- cases by kind and status, newest first, timeline on click
  async function renderCases(report) {
    const k = report.case;
    if (!k || k.status !== 'available') { unavailable('cases', k ? k.reason : 'no section'); $('#timeline').innerHTML = ''; return; }
    const list = await api('/api/v1/case/cases?size=10');
    if (!list.ok) { unavailable('cases', list.reason); return; }
    const counts = (map) => Object.entries(obj(map)).filter(([, n]) => n > 0)
      .map(([key, n]) => '<span class="chip">' + esc(label(key)) + ' <b>' + n + '</b></span>').join(' · ') || '0';
    const cases = arr(obj(list.body).items);
    const html = '<div class="figures">' + figure('opened', obj(k.opened).total) + figure('closed', obj(k.closed).total)
      + '</div><p><span class="label">' + esc(t('byStatus')) + '</span> ' + counts(k.byStatus) + '</p>'
      + '<p><span class="label">' + esc(t('byKind')) + '</span> ' + counts(obj(k.opened).byKind) + '</p>'
      + '<table><tr><th colspan="4">' + esc(t('latest')) + '</th></tr>'
      + cases.map((c, i) => '<tr class="case" data-case="' + i + '"><td>' + esc(c.number) + '</td><td>'
        + esc(label(c.kind)) + '</td><td>' + esc(label(c.status)) + '</td><td>' + esc(time(c.reportedAt))
        + '</td></tr>').join('') + '</table>';
    const s = ready('cases', html);
    s.querySelectorAll('tr.case').forEach((row) => {
      row.addEventListener('click', () => showTimeline(cases[Number(row.dataset.case)]));
    });
  }

  async function showTimeline(c) {
    const box = $('#timeline');
    const r = await api('/api/v1/case/cases/' + c.id);
    if (!r.ok) { box.innerHTML = '<p class="unavailable">' + esc(t('unavailable')) + ' — ' + esc(r.reason) + '</p>'; return; }
    box.innerHTML = '<h3>' + esc(c.number) + ' · ' + esc(t('timeline')) + '</h3><ol data-timeline>'
      + arr(obj(r.body).timeline).map((a) => '<li>' + esc(time(a.at)) + ' ' + esc(label(a.kind)) + ' — ' + esc(a.text)
        + '</li>').join('') + '</ol>';
  }

  // ---- personnel: duty counts, fatigue alerts (names as the API masks them for the viewer)
  function renderPersonnel(report) {
    const p = report.personnel;
    if (!p || p.status !== 'available') { unavailable('personnel', p ? p.reason : 'no section'); return; }
    const duty = obj(p.duty);
    const alerts = obj(p.fatigueAlerts);
    ready('personnel', '<div class="figures">' + figure('onDuty', duty.onDuty) + figure('sick', duty.sick)
      + figure('injured', duty.injured) + figure('onLeave', duty.onLeave)
      + figure('fatigueOpen', alerts.open) + '</div><ul data-fatigue>'
      + arr(alerts.people).map((a) => '<li>' + esc(a.name) + ' — ' + esc(num(a.daysAtRaise)) + ' ' + esc(t('streak'))
        + '</li>').join('') + '</ul>');
  }

  // ---- party applications: the day (situation report) and the week before it
  async function renderParty(report, day) {
    const p = report.personnel;
    if (!p || p.status !== 'available') { unavailable('party', p ? p.reason : 'no section'); return; }
    const from = new Date(day + 'T00:00:00Z');
    from.setUTCDate(from.getUTCDate() - 6);
    const week = await api('/api/v1/personnel/party-applications?size=1&from='
      + from.toISOString().slice(0, 10) + '&to=' + day);
    ready('party', '<div class="figures">' + figure('applicationsDay', p.partyApplications)
      + (week.ok ? figure('applicationsWeek', obj(week.body).count) : '') + '</div>'
      + (week.ok ? '' : '<p class="unavailable">' + esc(t('applicationsWeek')) + ': ' + esc(t('unavailable'))
        + ' — ' + esc(week.reason) + '</p>'));
  }

  // ---- the live strip: each feed read to its end, then long polling (wait=25)
  const feeds = {};
  function startFeeds() {
    ['checkpoint', 'case', 'personnel'].forEach((name) => {
      if (feeds[name]) { return; }
      feeds[name] = { cursor: 0, latest: [], failed: null };
      follow(name);
    });
    section('feed').dataset.state = 'ready';
  }

  async function follow(name) {
    const feed = feeds[name];
    let caughtUp = false;
    while (token) {
      const r = await api('/api/v1/feed/' + name + '?after=' + feed.cursor + '&limit=1000'
        + (caughtUp ? '&wait=25' : ''));
      if (!r.ok) {
        feed.failed = r.reason;
        drawStrip();
        await new Promise((done) => setTimeout(done, 10000));
        continue;
      }
      feed.failed = null;
      const page = obj(r.body);
      feed.latest = feed.latest.concat(arr(page.events).map((e) => Object.assign({ feed: name }, obj(e),
        { event: obj(obj(e).event) }))).slice(-12);
      feed.cursor = typeof page.nextCursor === 'number' ? page.nextCursor : feed.cursor;
      caughtUp = !page.hasMore;
      drawStrip();
    }
  }

  function drawStrip() {
    const all = Object.values(feeds).flatMap((f) => f.latest)
      .sort((a, b) => String(b.event.time).localeCompare(String(a.event.time))).slice(0, 12);
    const down = Object.entries(feeds).filter(([, f]) => f.failed)
      .map(([name, f]) => '<li class="unavailable" data-unavailable>' + esc(name) + ': ' + esc(t('unavailable'))
        + ' — ' + esc(f.failed) + '</li>');
    $('#strip').innerHTML = down.join('') + (all.length === 0 ? '<li class="muted">' + esc(t('noEvents')) + '</li>'
      : all.map((e) => '<li data-event>' + esc(time(e.event.time)) + ' <b>' + esc(e.feed) + '</b> '
        + esc(String(e.event.type || '').split('.').pop()) + '</li>').join(''));
  }

  /** Renders one section; an answer it cannot draw makes that section unavailable, not the page. */
  async function guarded(name, render) {
    try {
      await render();
    } catch (e) {
      console.error(name, e);
      unavailable(name, t('unreadable') + ': ' + (e && e.message ? e.message : e));
    }
  }

  // ---- the page
  async function refresh() {
    const day = $('#day').value || today();
    const r = await api('/api/v1/situation?date=' + day);
    if (!r.ok) {
      ['map', 'hourly', 'coverage', 'cases', 'personnel', 'party'].forEach((name) => unavailable(name, r.reason));
      return;
    }
    const report = obj(r.body);
    await Promise.all([
      guarded('hourly', () => renderHourly(report)),
      guarded('coverage', () => renderCoverage(report)),
      guarded('personnel', () => renderPersonnel(report)),
      guarded('map', () => renderMap(report, day)),
      guarded('cases', () => renderCases(report)),
      guarded('party', () => renderParty(report, day)),
    ]);
    $('#updated').textContent = t('updated') + ' ' + time(report.generatedAt);
    document.body.dataset.loaded = day;
  }

  function showLogin() {
    token = null;
    sessionStorage.removeItem('dashboard.token');
    if (timer) { clearInterval(timer); timer = null; }
    $('#board').hidden = true;
    $('#logout').hidden = true;
    $('#login').hidden = false;
  }

  function showBoard() {
    $('#login').hidden = true;
    $('#board').hidden = false;
    $('#logout').hidden = false;
    refresh();
    startFeeds();
    timer = setInterval(refresh, refreshMs);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#day').value = params.get('date') || today();
    translate();
    $('#lang').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('dashboard.lang', lang);
      translate();
      if (token) { refresh(); drawStrip(); }
    });
    $('#day').addEventListener('change', () => { if (token) { refresh(); } });
    $('#logout').addEventListener('click', showLogin);
    $('#login').addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await api('/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('#username').value, password: $('#password').value }),
      });
      if (!r.ok) { $('#loginError').textContent = t('loginFailed') + ': ' + r.reason; return; }
      token = r.body.access_token;
      sessionStorage.setItem('dashboard.token', token);
      $('#loginError').textContent = '';
      showBoard();
    });
    if (token) { showBoard(); } else { showLogin(); }
  });
})();
