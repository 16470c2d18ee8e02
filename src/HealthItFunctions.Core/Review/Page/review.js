// The editors' review page. Plain DOM: every value from the API goes in through textContent or attributes, never
// through innerHTML, so a title carrying markup shows as the characters it is.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = "healthit.review.token";
  const state = { month: "", page: 1, pageSize: 50, items: [], total: 0, busy: false };

  // Locally a bearer token from settings; behind Azure Functions the page is opened with ?code=<function key>.
  const functionKey = new URLSearchParams(location.search).get("code");
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    sessionStorage.setItem(TOKEN_KEY, hash.get("token"));
  }
  if (hash.has("token")) {
    hash.delete("token");
    history.replaceState(null, "", location.pathname + location.search + (hash.toString() ? "#" + hash : ""));
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && problem.title ? problem.title : "HTTP " + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(method, path, options = {}) {
    const headers = { Accept: "application/json" };
    if (functionKey) headers["x-functions-key"] = functionKey;
    else headers.Authorization = "Bearer " + (sessionStorage.getItem(TOKEN_KEY) || "");
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.etag) headers["If-Match"] = options.etag;
    const response = await fetch("/api" + path, {
      method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401 && !functionKey) {
      sessionStorage.removeItem(TOKEN_KEY);
      askToken("The token was refused; paste the current Review:Token.");
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  function say(text, isError = false) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  function describe(error) {
    if (!(error instanceof ApiError)) return String(error && error.message || error);
    const p = error.problem;
    const fields = p.errors ? Object.entries(p.errors).map(([k, v]) => k + " " + v.join(" ")).join("; ") : "";
    return [p.title || "HTTP " + error.status, p.detail, fields].filter(Boolean).join(": ");
  }

  function askToken(reason) {
    $("token-reason").textContent = reason;
    $("token-panel").hidden = false;
    $("token").focus();
  }

  function hasCredentials() {
    return Boolean(functionKey || sessionStorage.getItem(TOKEN_KEY));
  }

  // Matched lexicon terms become <mark> elements; the text around them stays text nodes.
  function highlighted(text, terms) {
    const fragment = document.createDocumentFragment();
    const sorted = [...terms].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
    let plain = "";
    for (let i = 0; i < text.length;) {
      const term = sorted.find((t) => text.startsWith(t, i));
      if (term) {
        if (plain) fragment.append(plain);
        plain = "";
        const mark = document.createElement("mark");
        mark.textContent = term;
        fragment.append(mark);
        i += term.length;
      } else {
        plain += text[i];
        i += 1;
      }
    }
    if (plain) fragment.append(plain);
    return fragment;
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : String(value));
    }
    node.append(...children);
    return node;
  }

  function formatDate(iso) {
    if (!iso) return "日期不详";
    return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  }

  // The body's pictures: the preview shows them in place; here each can be dropped from (or put back into) the bulletin.
  function pictures(item) {
    const list = item.pictures || [];
    if (!list.length) return "";
    const dropped = list.filter((p) => p.dropped).map((p) => p.index);
    const rows = list.map((p) => {
      const label = (p.caption || "（无说明 no caption）") + (p.available ? " · " + p.width + "×" + p.height : "");
      const row = el("li", { class: p.dropped ? "dropped" : "" }, el("span", { text: "图" + (p.index + 1) + " " + label }));
      if (!p.available) {
        row.append(el("span", { class: "badge", title: p.note || "", text: "未下载 skipped: " + (p.note || "") }));
      } else {
        const next = p.dropped ? dropped.filter((i) => i !== p.index) : dropped.concat([p.index]);
        row.append(el("button", {
          type: "button", "aria-pressed": String(p.dropped),
          onclick: () => edit(item, { droppedImages: next }, p.dropped ? "Picture restored" : "Picture dropped"),
          text: p.dropped ? "恢复 Restore" : "去掉 Drop",
        }));
      }
      return row;
    });
    return el("details", { class: "pictures" },
      el("summary", { text: "图片 Pictures (" + list.filter((p) => p.available && !p.dropped).length + "/" + list.length + ")" }),
      el("ul", {}, ...rows));
  }

  function card(item, index, selectedIds) {
    const position = selectedIds.indexOf(item.id);
    const headingId = "title-" + item.id;
    const title = el("h3", { id: headingId },
      el("a", { href: item.url, target: "_blank", rel: "noopener noreferrer" }, highlighted(item.title, item.terms)));
    const meta = el("div", { class: "meta" },
      el("span", { class: "badge source", text: item.media }),
      el("time", { datetime: item.publishedAt || "", text: formatDate(item.publishedAt) }),
      el("span", { class: "badge band-" + item.band, text: item.band + " " + item.score.toFixed(2) }),
      item.editedTitle ? el("span", { class: "badge", title: "原标题 " + item.originalTitle, text: "标题已改 edited" }) : "",
      item.decision ? el("span", { class: "badge", text: "编辑决定 " + item.decision }) : "");
    const toggle = el("button", {
      type: "button", class: "toggle", "aria-pressed": String(item.selected), "aria-describedby": headingId,
      text: item.selected ? "✓ 收录 Included" : "✕ 不收录 Excluded",
      onclick: () => edit(item, { decision: item.selected ? "exclude" : "include" }, item.selected ? "Excluded" : "Included"),
    });
    const controls = el("div", { class: "controls" }, toggle);
    if (item.selected) {
      controls.append(
        el("button", { type: "button", "aria-label": "上移 Move up: " + item.title, disabled: position <= 0, onclick: () => move(item.id, -1), text: "↑" }),
        el("button", { type: "button", "aria-label": "下移 Move down: " + item.title, disabled: position >= selectedIds.length - 1, onclick: () => move(item.id, 1), text: "↓" }),
        el("span", { class: "badge", text: "第 " + (position + 1) + " 条" }));
    }
    if (item.decision) {
      controls.append(el("button", { type: "button", "aria-describedby": headingId, onclick: () => edit(item, { decision: "reset" }, "Reset to the band"), text: "自动 Auto" }));
    }
    const also = item.alsoReportedBy.length
      ? el("p", { class: "also" }, "亦见 Also reported by: ", ...item.alsoReportedBy.flatMap((m, i) => [
        i ? "、" : "", el("a", { href: m.url, target: "_blank", rel: "noopener noreferrer", text: m.media })]))
      : "";
    const textareaId = "summary-" + item.id;
    const textarea = el("textarea", { id: textareaId, maxlength: 5000 });
    textarea.value = item.summary;
    const summary = el("details", { class: "summary" },
      el("summary", { text: item.editedSummary !== null && item.editedSummary !== undefined ? "摘要（已编辑）Summary, edited" : "摘要 Summary" }),
      el("label", { for: textareaId, class: "visually-hidden", text: "摘要 Summary of " + item.title }),
      textarea,
      el("button", { type: "button", onclick: () => edit(item, { summary: textarea.value }, "Summary saved"), text: "保存摘要 Save summary" }));
    return el("li", {
      class: "card" + (item.selected ? " selected" : " excluded"), "data-id": item.id, "aria-labelledby": headingId,
    }, title, meta, also, controls, pictures(item), summary, sourceFields(item));
  }

  // 媒体, date and 来源 as the bulletin prints them; only the fields the editor changed are sent.
  function sourceFields(item) {
    const edited = item.editedMedia || item.editedCredit || item.editedDate;
    const field = (name, label, value, attrs) => {
      const input = el("input", Object.assign({ id: name + "-" + item.id, name: name, value: value || "" }, attrs));
      return [el("label", { for: input.id, text: label }), input];
    };
    const [mediaLabel, media] = field("media", "媒体 Media", item.media, { maxlength: 100 });
    const [dateLabel, date] = field("date", "日期 Date", item.date, { type: "date" });
    const [creditLabel, credit] = field("credit", "来源 Credit", item.credit, { maxlength: 100 });
    const save = () => {
      const patch = {};
      if (media.value.trim() !== item.media) patch.media = media.value;
      if (date.value && date.value !== item.date) patch.date = date.value;
      if (credit.value.trim() !== item.credit) patch.credit = credit.value;
      if (Object.keys(patch).length) edit(item, patch, "Media, date and credit saved");
    };
    return el("details", { class: "summary source-fields" },
      el("summary", { text: "媒体 · 日期 · 来源" + (edited ? "（已编辑）edited" : "") }),
      mediaLabel, media, dateLabel, date, creditLabel, credit,
      el("button", { type: "button", onclick: save, text: "保存 Save" }));
  }

  function render(list) {
    state.items = list.items;
    state.total = list.total;
    $("count").textContent = "(" + list.total + ")";
    const selectedIds = list.items.filter((i) => i.selected).map((i) => i.id);
    $("candidates").replaceChildren(...list.items.map((item, i) => card(item, i, selectedIds)));
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    $("page-info").textContent = list.page + " / " + pages;
    $("prev").disabled = list.page <= 1;
    $("next").disabled = list.page >= pages;
    const sourceSelect = $("source");
    const chosen = sourceSelect.value;
    sourceSelect.replaceChildren(el("option", { value: "", text: "全部 All" }),
      ...list.sources.map((s) => el("option", { value: s.sourceId, text: s.media + " (" + s.count + ")" })));
    sourceSelect.value = chosen;
  }

  async function loadList() {
    const filters = new FormData($("filters"));
    const query = new URLSearchParams({ page: String(state.page), pageSize: String(state.pageSize) });
    for (const key of ["band", "source", "q"]) {
      if (filters.get(key)) query.set(key, filters.get(key));
    }
    const response = await api("GET", "/months/" + state.month + "/articles?" + query);
    render(await response.json());
  }

  async function loadPreview() {
    const response = await api("GET", "/months/" + state.month + "/bulletin/preview?format=html");
    $("preview-frame").srcdoc = await response.text();
  }

  async function loadSources() {
    const response = await api("GET", "/sources");
    const sources = await response.json();
    $("sources").replaceChildren(...sources.map((s) => el("li", {},
      el("span", {
        class: "badge " + (s.pollable ? "on" : "off"),
        title: (s.enabled ? "enabled" : "disabled") + (s.kind ? " · " + s.kind : "") + (s.startUrls.length ? " · " + s.startUrls.join(" ") : ""),
        text: s.media + (s.pollable ? "" : s.enabled ? " (no list)" : " (disabled)"),
      }))));
  }

  async function refresh(message) {
    try {
      await Promise.all([loadList(), loadPreview()]);
      if (message) say(message);
    } catch (error) {
      say(describe(error), true);
    }
  }

  async function edit(item, patch, done) {
    if (state.busy) return;
    state.busy = true;
    try {
      await api("PATCH", "/articles/" + item.id, { body: patch, etag: item.etag });
      await refresh(done + ": " + item.title);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await refresh("Someone else changed “" + item.title + "”; the list was reloaded, apply the edit again.");
      } else {
        say(describe(error), true);
      }
    } finally {
      state.busy = false;
    }
  }

  // Up/down: the selected items get orders 1..n in their new sequence; only changed ones are sent.
  async function move(id, delta) {
    if (state.busy) return;
    const selected = state.items.filter((i) => i.selected);
    const from = selected.findIndex((i) => i.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= selected.length) return;
    [selected[from], selected[to]] = [selected[to], selected[from]];
    state.busy = true;
    try {
      for (const [index, item] of selected.entries()) {
        if (item.order !== index + 1) {
          await api("PATCH", "/articles/" + item.id, { body: { order: index + 1 }, etag: item.etag });
        }
      }
      await refresh("Moved " + (delta < 0 ? "up" : "down") + ": " + selected[to].title);
      const button = document.querySelector('[data-id="' + CSS.escape(id) + '"] button[aria-label^="' + (delta < 0 ? "上移" : "下移") + '"]');
      if (button && !button.disabled) button.focus();
    } catch (error) {
      say(describe(error), true);
      await refresh();
    } finally {
      state.busy = false;
    }
  }

  async function download(format) {
    try {
      const response = await api("GET", "/months/" + state.month + "/bulletin/preview?format=" + format);
      const url = URL.createObjectURL(await response.blob());
      el("a", { href: url, download: "bulletin-" + state.month + "." + format }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error) {
      say(describe(error), true);
    }
  }

  async function openPublish() {
    try {
      const plan = await (await api("GET", "/months/" + state.month + "/bulletin")).json();
      // Approval sends back the hash of what this dialog shows, so the readers get exactly what was previewed.
      state.planHash = plan.contentHash;
      const stage = { draft: "草稿 draft", approved: "已批准 approved", sent: "已发送 sent" }[plan.stage] || plan.stage;
      $("publish-subject").textContent = plan.subject + " — " + plan.items.length + " 条 · " + stage +
        (plan.approvedBy ? "（" + plan.approvedBy + " 批准 approved）" : "");
      $("publish-recipients").textContent = plan.recipients.length ? plan.recipients.join(", ") : "（未设置 Mail:Readers，不会发信 nobody: Mail:Readers is empty）";
      $("publish-items").replaceChildren(...plan.items.map((i) => el("li", { text: i.title + "（" + i.media + "）" })));
      const warning = $("publish-warning");
      warning.hidden = !plan.requiresConfirmation;
      warning.textContent = plan.requiresConfirmation
        ? "版本 " + plan.sentVersion + " 已发送。Version " + plan.sentVersion + " was already mailed" + (plan.contentChanged ? "; the content changed since." : " and nothing changed since.")
        : "";
      $("publish-confirm-label").hidden = !plan.requiresConfirmation;
      $("publish-confirm").checked = false;
      $("publish-dialog").dataset.requiresConfirmation = String(plan.requiresConfirmation);
      $("publish-dialog").showModal();
    } catch (error) {
      say(describe(error), true);
    }
  }

  async function publish() {
    const confirm = $("publish-confirm").checked;
    try {
      say("Approving…");
      const result = await (await api("POST", "/months/" + state.month + "/bulletin/publish" + (confirm ? "?confirm=true" : ""),
        { etag: '"' + state.planHash + '"' })).json();
      say("第" + result.issueNumber + "期 " + result.stage + " version " + result.version + (result.approvedBy ? " by " + result.approvedBy : "") +
        ", " + result.articleCount + " articles, mail " + result.mail + (result.mailError ? ": " + result.mailError : "") +
        (result.recipients.length ? " → " + result.recipients.join(", ") : ""), result.mail === "Failed");
    } catch (error) {
      say(describe(error), true);
    }
  }

  async function open(month) {
    state.month = month;
    state.page = 1;
    const params = new URLSearchParams(location.hash.slice(1));
    params.set("month", month);
    history.replaceState(null, "", location.pathname + location.search + "#" + params);
    if (!hasCredentials()) {
      askToken("Paste the review token (setting Review:Token). It is kept for this browser tab only.");
      return;
    }
    $("workspace").hidden = false;
    say("Loading " + month + "…");
    await Promise.all([refresh(month + " loaded."), loadSources().catch((e) => say(describe(e), true))]);
  }

  function init() {
    const now = new Date();
    const fallback = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const month = hash.get("month") || fallback.getFullYear() + "-" + String(fallback.getMonth() + 1).padStart(2, "0");
    $("month").value = month;
    $("month-form").addEventListener("submit", (e) => { e.preventDefault(); open($("month").value); });
    $("token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
      $("token").value = "";
      $("token-panel").hidden = true;
      open($("month").value);
    });
    let typing;
    $("filters").addEventListener("input", (e) => {
      clearTimeout(typing);
      state.page = 1;
      typing = setTimeout(() => loadList().catch((err) => say(describe(err), true)), e.target.id === "q" ? 250 : 0);
    });
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    $("prev").addEventListener("click", () => { state.page -= 1; loadList().catch((e) => say(describe(e), true)); });
    $("next").addEventListener("click", () => { state.page += 1; loadList().catch((e) => say(describe(e), true)); });
    $("refresh-preview").addEventListener("click", () => refresh("Preview refreshed."));
    $("download-md").addEventListener("click", () => download("md"));
    $("download-docx").addEventListener("click", () => download("docx"));
    $("publish").addEventListener("click", openPublish);
    $("publish-dialog").addEventListener("close", () => {
      const dialog = $("publish-dialog");
      if (dialog.returnValue !== "send") return;
      if (dialog.dataset.requiresConfirmation === "true" && !$("publish-confirm").checked) {
        say("Not sent: tick “Send a new version again” to mail a month that was already sent.", true);
        return;
      }
      publish();
    });
    $("add-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        say("Fetching " + $("add-url").value + "…");
        const added = await (await api("POST", "/months/" + state.month + "/articles", { body: { url: $("add-url").value } })).json();
        $("add-url").value = "";
        await refresh("Added: " + added.title);
      } catch (error) {
        say(describe(error), true);
      }
    });
    open(month);
  }

  init();
})();
