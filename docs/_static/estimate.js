/* Compute Atlas: the estimate page (estimate.html). Loaded only there, after atlas.js. No network access: the data
   are the site's own script beside the page (estimate-data.js, the same as estimate.json), written by the site build
   from the estimator's own inputs (compute_atlas.site.estimate_page): the cost model's assumption rows, each chip's
   dense peak rates, default utilization, cloud prices and purchase price at the build's date, each region's
   electricity price and carbon intensity, the catalogue's runs and the chips' aliases.

   This script repeats only the arithmetic of compute_atlas.estimator (_estimate_on): the same operations in the same
   order, so that tests/test_estimate_page.py holds its results to compute_atlas.estimate() on random inputs. The
   constants (FLOP per parameter and token, the default precision, the pricings) come with the data.

   window.atlasEstimate.estimate(inputs) and .estimateAll(inputs) take the estimator's keyword arguments (flop,
   parameters, tokens, run_id, inference, tokens_per_day, days, accelerator, count, precision, utilization,
   pricing, region, pue, segment) and give its results; a bad input throws an Error with the estimator's message. */
(function () {
  "use strict";

  var ROOT = (function () {
    var s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/_static\/estimate\.js(\?.*)?$/, "") : "";
  })();
  var D = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fail(message) { throw new Error(message); }

  // --- ranges, as estimator.Range -----------------------------------------------------------------------------
  function R(value, low, high) {
    if (value === null || value === undefined) return { value: null, low: null, high: null };
    return { value: value, low: low === null || low === undefined ? value : low,
             high: high === null || high === undefined ? value : high };
  }
  var NONE = R(null);
  function scale(a, b) {
    if (a.value === null || b.value === null) return NONE;
    return R(a.value * b.value, a.low * b.low, a.high * b.high);
  }
  function times(a, k) { return a.value === null ? NONE : R(a.value * k, a.low * k, a.high * k); }
  function plus(a, b) {
    if (a.value === null || b.value === null) return NONE;
    return R(a.value + b.value, a.low + b.low, a.high + b.high);
  }
  function onePlus(r) { return R(1 + r.value, 1 + r.low, 1 + r.high); }

  // --- the inputs --------------------------------------------------------------------------------------------
  function given(v) { return !(v === null || v === undefined || (typeof v === "string" && v.trim() === "")); }
  function positive(name, v) {
    if (!given(v)) return null;
    var x = typeof v === "number" ? v : Number(String(v).trim());
    if (typeof v !== "number" && isNaN(x)) fail(name + " must be a number, got '" + v + "'");
    if (!isFinite(x) || x <= 0) fail(name + " must be a positive number, got " + v);
    return x;
  }
  function source(i, usedFor) {
    var s = D.sources[i];
    return { table: s[0], key: s[1], used_for: usedFor || s[2], href: s[3], refs: D.ref_sets[s[4]] };
  }
  function assumption(id) { var a = D.assumptions[id]; return R(a[0], a[1], a[2]); }
  function assumptionSource(id, usedFor) { return source(D.assumptions[id][3], usedFor); }
  function chipSource(table, chip, key, refs, usedFor) {
    return { table: table, key: key, used_for: usedFor, href: D.pages[table].replace("{id}", chip.id),
             refs: D.ref_sets[refs] };
  }

  var runs = {}, chips = {}, ids = {};
  function prepare() {
    D.runs.forEach(function (r) {
      runs[r[0]] = { run_id: r[0], model: r[1], training_compute_flop: r[2], parameters: r[3], training_tokens: r[4],
                     accelerator_id: r[5], accelerator_count: r[6], precision: r[7], source: r[8] };
    });
    D.chips.forEach(function (c) { chips[c.id] = c; ids[c.id.toLowerCase()] = c.id; });
  }

  function job(inp) {
    var C = D.constants;
    var flop = positive("flop", inp.flop), parameters = positive("parameters", inp.parameters);
    var tokens = positive("tokens", inp.tokens), perDay = positive("tokens per day", inp.tokens_per_day);
    var days = positive("days", inp.days), run = null, sources = [];
    if (given(inp.run_id)) {
      run = runs[inp.run_id];
      if (!run) fail("no training run '" + inp.run_id + "' in the catalogue");
      sources.push(source(run.source));
    }
    if (perDay !== null) {
      if (tokens !== null) fail("give tokens or tokens per day (with days), not both");
      tokens = perDay * (days || 1);
    } else if (days !== null) {
      fail("days goes with tokens per day");
    }
    if (inp.inference) {
      if (flop !== null) return { kind: "inference", flop: flop, basis: "given", run: run, sources: sources };
      var n = parameters || (run && run.parameters);
      if (tokens === null || !n) {
        fail("an inference estimate needs the tokens (or tokens per day) and the model's parameters (or a " +
             "catalogue run with them), or a FLOP total");
      }
      return { kind: "inference", flop: C.inference_flop_per_parameter_token * n * tokens,
               basis: C.inference_flop_per_parameter_token + " × " + (parameters ? "given" : "the run’s") +
                      " parameters × tokens", run: run, sources: sources };
    }
    var ways = [flop !== null, (parameters || tokens) !== null, given(inp.run_id)].filter(Boolean).length;
    if (ways > 1) fail("give the training job one way: a FLOP total, parameters and tokens, or a run id");
    if (flop !== null) return { kind: "training", flop: flop, basis: "given", run: run, sources: sources };
    if (parameters !== null || tokens !== null) {
      if (parameters === null || tokens === null) {
        fail("6·N·D needs both the parameters (active parameters of a mixture of experts) and the training tokens");
      }
      return { kind: "training", flop: C.training_flop_per_parameter_token * parameters * tokens,
               basis: C.training_flop_per_parameter_token + " × parameters × tokens", run: run, sources: sources };
    }
    if (run) {
      if (run.training_compute_flop) {
        return { kind: "training", flop: run.training_compute_flop, basis: "the catalogue’s training compute",
                 run: run, sources: sources };
      }
      if (run.parameters && run.training_tokens) {
        return { kind: "training", flop: C.training_flop_per_parameter_token * run.parameters * run.training_tokens,
                 basis: "the catalogue’s parameters × tokens", run: run, sources: sources };
      }
      fail("training run '" + run.run_id + "' has neither a training compute nor parameters and tokens");
    }
    fail("say what to estimate: a FLOP total, parameters with tokens, or a model of the catalogue");
  }

  /* The accelerator id of an id, a name or an alias, in any case (estimator.resolve_accelerator). */
  function resolve(name) {
    var key = String(name).trim().toLowerCase();
    if (ids[key]) return ids[key];
    if (D.aliases[key]) return D.aliases[key];
    var words = key.split(/[^a-z0-9]+/).filter(Boolean);
    var near = D.chips.filter(function (c) {
      var n = (c.name + " " + c.id).toLowerCase();
      return words.length && words.every(function (w) { return n.indexOf(w) >= 0; });
    }).slice(0, 5).map(function (c) { return c.name + " (" + c.id + ")"; });
    fail("unknown accelerator '" + name + "'" + (near.length ? "; nearest: " + near.join(", ")
                                                              : "; see the accelerators table"));
  }

  function precisionOf(chip, precision) {
    var rates = chip.rates, dp = D.constants.default_precision;
    if (given(precision)) {
      var p = String(precision).trim().toLowerCase();
      if (!rates[p]) {
        return { precision: p, peak: null, refs: null, basis: "no " + p.toUpperCase() + " rate in the atlas (it has: " +
                 (Object.keys(rates).sort().join(", ") || "none") + ")" };
      }
      return { precision: p, peak: rates[p][0], refs: rates[p][2], basis: "given" };
    }
    if (rates[dp]) return { precision: dp, peak: rates[dp][0], refs: rates[dp][2], basis: "default (" + dp.toUpperCase() + ")" };
    var best = Object.keys(rates).filter(function (p) { return rates[p][1]; });
    if (best.length) {
      return { precision: best[0], peak: rates[best[0]][0], refs: rates[best[0]][2],
               basis: "the chip's best 16-bit tensor rate (no BF16)" };
    }
    if (rates.fp32) return { precision: "fp32", peak: rates.fp32[0], refs: rates.fp32[2], basis: "FP32 (no 16-bit tensor rate)" };
    return { precision: null, peak: null, refs: null, basis: "no peak rate in the atlas" };
  }

  function utilizationOf(chip, precision, u) {
    if (u !== null) {
      if (u > 1) fail("utilization is a fraction of the peak rate (0 to 1], got " + u);
      return { range: R(u), basis: "given", sources: [] };
    }
    var own = precision && chip.rates[precision] && chip.rates[precision][3];
    var x = own || D.default_utilization;
    return { range: R(x[0], x[1], x[2]), basis: x[3], sources: x[4].map(function (i) { return source(i); }) };
  }

  function regionOf(region) {
    var r;
    if (!given(region)) {
      r = D.default_region;
      return { id: r[0], price: r[1], carbon: r[2], sources: r[3].map(function (i) { return source(i); }), notes: [] };
    }
    var key = String(region).trim().toLowerCase();
    r = D.regions.filter(function (x) { return x[0].toLowerCase() === key || x[1].toLowerCase() === key; })[0];
    if (!r) fail("unknown region '" + region + "'; regions: " + D.regions.map(function (x) { return x[0]; }).join(", "));
    return { id: r[0], price: r[2], carbon: r[3], sources: r[4].map(function (i) { return source(i); }), notes: r[5] };
  }

  /* One job on one chip: estimator._estimate_on, at the prices of the data's date. Each result says which of the
     sources it rests on (``links``: indexes into ``sources``). */
  function estimateOn(j, chipId, inp, strict) {
    var C = D.constants, chip = chips[chipId];
    var count = given(inp.count) ? Number(inp.count) : 1;
    if (!isFinite(count) || count <= 0 || count !== Math.floor(count)) {
      fail("count must be a positive whole number, got " + inp.count);
    }
    var u = positive("utilization", inp.utilization), pueGiven = positive("pue", inp.pue);
    if (given(inp.pricing) && C.pricings.indexOf(inp.pricing) < 0) {
      fail("unknown pricing '" + inp.pricing + "'; pricings: " + C.pricings.join(", "));
    }
    var sources = j.sources.slice(), missing = [], groups = { time: [], energy: [], emissions: [] };
    function add(group, list) {
      list.forEach(function (s) { sources.push(s); (groups[group] = groups[group] || []).push(s); });
    }
    add("time", j.sources);
    var prec = precisionOf(chip, inp.precision);
    if (prec.peak === null) {
      if (strict) fail(chip.name + " (" + chip.id + "): " + prec.basis);
      missing.push(prec.basis);
    } else {
      add("time", [chipSource("accelerator_efficiency", chip, chip.id + " " + prec.precision, prec.refs,
                              "dense peak rate (" + prec.peak.toPrecision(3) + " FLOP/s)")]);
    }
    var util = utilizationOf(chip, prec.precision, u);
    add("time", util.sources);

    var chipHours = NONE;
    if (prec.peak !== null) {
      var rate = prec.peak * C.seconds_per_hour;
      chipHours = R(j.flop / (rate * util.range.value), j.flop / (rate * util.range.high),
                    j.flop / (rate * util.range.low));
    }
    var wall = times(chipHours, 1 / count);

    var overheadId = chip.tpu ? "tpu-server-power-overhead-frac" : "server-power-overhead-frac";
    var avgId = chip.tpu ? "tpu-server-avg-power-frac" : "server-avg-power-frac";
    var power = NONE;
    if (chip.tdp !== null) {
      power = scale(scale(R(chip.tdp), onePlus(assumption(overheadId))), assumption(avgId));
      add("energy", [chipSource("accelerators", chip, chip.id, chip.tdp_refs, "TDP (" + chip.tdp.toFixed(0) + " W)"),
                     assumptionSource(overheadId, "server power beyond the chip"),
                     assumptionSource(avgId, "average power during the job")]);
    } else {
      missing.push("no TDP in the atlas");
    }
    var pue = pueGiven !== null ? R(pueGiven) : assumption("pue");
    if (pueGiven === null) add("energy", [assumptionSource("pue", "PUE")]);
    var energy = times(scale(scale(chipHours, power), pue), 1 / C.watts_per_kw);
    var region = regionOf(inp.region);
    sources = sources.concat(region.sources);
    groups.emissions.push(region.sources[1]);
    var emissions = times(energy, region.carbon / C.grams_per_kg);

    var costs = {}, basis = {}, costGroups = {};
    C.pricing_models.forEach(function (pm) {
      var c = chip.cloud[pm];
      if (!c) return;
      costs[pm] = scale(chipHours, R(c[0], c[1], c[2]));
      basis[pm] = c[3];
      costGroups[pm] = c[4].map(function (i) { return source(i); });
      sources = sources.concat(costGroups[pm]);
    });
    [["commit_1y", "cloud-commit-1y-discount-frac"], ["commit_3y", "cloud-commit-3y-discount-frac"]].forEach(function (x) {
      var pm = x[0], aid = x[1];
      if (!chip.cloud[pm] && chip.cloud.on_demand) {
        var d = assumption(aid), od = chip.cloud.on_demand;
        costs[pm] = scale(scale(chipHours, R(od[0], od[1], od[2])), R(1 - d.value, 1 - d.high, 1 - d.low));
        basis[pm] = "on-demand price less the assumed discount (assumption " + aid + "); no " + pm + " price listed";
        var s = assumptionSource(aid, pm + " discount");
        costGroups[pm] = costGroups.on_demand.concat([s]);
        sources.push(s);
      }
    });
    if (chip.chip_price && energy.value !== null) {
      var cp = chip.chip_price, markup = assumption("server-cost-markup-frac");
      var years = assumption("hardware-depreciation-years"), ic = D.assumptions["interconnect-cost-frac"][0];
      var hpy = D.hours_per_year[0];
      var perChipHour = times(scale(times(scale(R(cp[0]), onePlus(markup)), 1 / (1 - ic)),
                                    R(1 / years.value, 1 / years.high, 1 / years.low)), 1 / hpy);
      costs.ownership = plus(scale(chipHours, perChipHour), times(energy, region.price));
      basis.ownership = "chip price of " + cp[1] + " (" + cp[2] + ") with server and interconnect, straight-line " +
                        "over the depreciation life, plus energy at US$ " + region.price + "/kWh";
      var own = [source(cp[3]), assumptionSource("server-cost-markup-frac", "ownership"),
                 assumptionSource("interconnect-cost-frac", "ownership"),
                 assumptionSource("hardware-depreciation-years", "ownership"), source(D.hours_per_year[1])];
      sources = sources.concat(own);
      costGroups.ownership = own.concat([region.sources[0]]);
    }
    var available = C.pricings.filter(function (p) { return costs[p] && costs[p].value !== null; });
    var chosen;
    if (given(inp.pricing) && available.indexOf(inp.pricing) < 0) {
      var why = "no " + inp.pricing + " price for " + chip.name + " (" + chip.id + ") in the atlas; pricings with a " +
                "price: " + (available.join(", ") || "none");
      if (strict) fail(why);
      missing.push(why);
      chosen = null;
    } else {
      chosen = given(inp.pricing) ? inp.pricing
        : (["on_demand"].concat(available).filter(function (p) { return available.indexOf(p) >= 0; })[0] || null);
      if (chosen === null) missing.push("no price for this chip in the atlas (no cloud price, no purchase price)");
    }
    // what each result rests on: time on the job, the rate and the utilization; energy on time and power; ...
    var unique = dedupe(sources), at = {};
    unique.forEach(function (s, i) { at[s.table + "\u0000" + s.key + "\u0000" + s.used_for] = i; });
    function links(list) {
      var seen = {};
      return list.map(function (s) { return at[s.table + "\u0000" + s.key + "\u0000" + s.used_for]; })
        .filter(function (i) { if (i === undefined || seen[i]) return false; seen[i] = true; return true; });
    }
    var timeLinks = links(groups.time), energyLinks = links(groups.time.concat(groups.energy));
    var costLinks = {};
    Object.keys(costs).forEach(function (pm) {
      costLinks[pm] = links(groups.time.concat(pm === "ownership" ? groups.energy : [], costGroups[pm] || []));
    });
    return {
      job: j.kind, flop: j.flop, flop_basis: j.basis, accelerator_id: chip.id, accelerator_name: chip.name,
      accelerator_count: count, precision: prec.precision, precision_basis: prec.basis, peak_flop_per_s: prec.peak,
      utilization: util.range, utilization_basis: util.basis, wall_clock_hours: wall, chip_hours: chipHours,
      power_per_chip_watts: power, energy_kwh: energy, emissions_kg_co2e: emissions, region: region.id,
      electricity_usd_per_kwh: region.price, carbon_g_co2e_per_kwh: region.carbon, pricing: chosen,
      cost_usd: chosen ? (costs[chosen] || NONE) : NONE, cost_usd_by_pricing: costs, price_basis: basis,
      pricings_available: available, sources: unique, missing: missing.concat(region.notes),
      links: { wall_clock_hours: timeLinks, chip_hours: timeLinks, energy_kwh: energyLinks,
               emissions_kg_co2e: links(groups.time.concat(groups.energy, groups.emissions)), cost: costLinks },
    };
  }

  function dedupe(list) {
    var seen = {};
    return list.filter(function (s) {
      var k = s.table + "\u0000" + s.key + "\u0000" + s.used_for;
      if (seen[k]) return false;
      seen[k] = true;
      return true;
    });
  }

  /* One job on one chip (compute_atlas.estimate): a catalogue model's chip, count and precision unless given. */
  function estimate(inp) {
    var j = job(inp), acc = inp.accelerator, o = Object.assign({}, inp);
    if (!given(acc)) {
      acc = j.run && j.run.accelerator_id;
      if (!acc) fail("say which accelerator (an id, a name or an alias)");
      if (!given(o.precision) && j.run.precision) o.precision = j.run.precision;
      if (!given(o.count)) o.count = j.run.accelerator_count;
    }
    return estimateOn(j, resolve(acc), o, true);
  }

  /* One job on every chip (of one market segment if given), cheapest first in one pricing (on demand unless
     given); a chip lacking a rate, a power or a price is listed with what it lacks (compute_atlas.estimate_all). */
  function estimateAll(inp) {
    var j = job(inp), o = Object.assign({}, inp, { pricing: given(inp.pricing) ? inp.pricing : "on_demand" });
    var list = D.chips.filter(function (c) { return !given(inp.segment) || c.segment === inp.segment; })
      .map(function (c) { return c.id; }).sort();
    if (!list.length) fail("no accelerator in market segment '" + inp.segment + "'");
    var out = list.map(function (id) { return estimateOn(j, id, o, false); });
    function key(e) {
      return [e.cost_usd.value === null ? 1 : 0, e.cost_usd.value || 0, e.chip_hours.value === null ? 1 : 0,
              e.chip_hours.value || 0];
    }
    return out.sort(function (a, b) {
      var ka = key(a), kb = key(b);
      for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
      return a.accelerator_id < b.accelerator_id ? -1 : a.accelerator_id > b.accelerator_id ? 1 : 0;
    });
  }

  // --- numbers for readers: two or three significant figures and their unit -------------------------------------
  function sig(v, n) { return Number(v.toPrecision(n || 3)); }
  function grouped(v) { return sig(v).toLocaleString("en-US", { maximumFractionDigits: 6 }); }
  function scaled(v, steps) {
    for (var i = steps.length - 1; i >= 0; i--) {
      if (Math.abs(v) >= steps[i][0] || i === 0) return grouped(v / steps[i][0]) + " " + steps[i][1];
    }
  }
  var FORMAT = {
    hours: function (h) {
      var text = grouped(h) + " h";
      if (h >= 48 && h < 24 * 730) text += " (" + grouped(h / 24) + " days)";
      else if (h >= 24 * 730) text += " (" + grouped(h / 8766) + " years)";
      return text;
    },
    hours_short: function (h) {
      return h >= 24 * 730 ? grouped(h / 8766) + " years" : h >= 48 ? grouped(h / 24) + " days" : grouped(h) + " h";
    },
    chip_hours: function (v) { return grouped(v); },
    kwh: function (v) { return scaled(v * 1000, [[1, "Wh"], [1e3, "kWh"], [1e6, "MWh"], [1e9, "GWh"], [1e12, "TWh"]]); },
    kg_co2e: function (v) { return v < 1000 ? grouped(v) + " kg CO₂e" : grouped(v / 1000) + " t CO₂e"; },
    usd: function (v) {
      if (Math.abs(v) >= 1e9) return "US$ " + grouped(v / 1e9) + " billion";
      if (Math.abs(v) >= 1e6) return "US$ " + grouped(v / 1e6) + " million";
      return "US$ " + grouped(v);
    },
    flop: function (v) { var e = Math.floor(Math.log10(v)); return sig(v / Math.pow(10, e)) + " × 10^" + e + " FLOP"; },
    frac: function (v) { return sig(v * 100, 2) + " %"; },
  };
  function spanText(r, fmt, ends) {
    if (!r || r.value === null) return "not in the atlas";
    var text = fmt(r.value);
    ends = ends || fmt;
    if (ends(r.low) !== ends(r.high)) text += "; " + ends(r.low) + " to " + ends(r.high);
    return text;
  }

  // --- the form --------------------------------------------------------------------------------------------------
  var FIELDS = ["job", "size", "flop", "parameters", "tokens", "model", "tokens_basis", "tokens_per_day", "days",
                "tokens_total", "accelerator", "count", "precision", "utilization", "pricing", "region", "pue",
                "segment"];

  function field(form, name, label, control, hint) {
    var wrap = el("label", { "class": "atlas-explore-field atlas-estimate-field", "data-field": name });
    wrap.style.maxWidth = "100%";
    wrap.appendChild(el("span", { "class": "atlas-explore-label" }, label));
    control.setAttribute("name", name);
    wrap.appendChild(control);
    if (hint) wrap.appendChild(el("span", { "class": "atlas-explore-unit" }, hint));
    form.appendChild(wrap);
    return control;
  }
  function select(options, value) {
    var s = el("select");
    options.forEach(function (o) {
      var opt = el("option", { value: o[0] }, o[1]);
      if (o[0] === value) opt.selected = true;
      s.appendChild(opt);
    });
    return s;
  }
  function input(value, attrs) {
    var i = el("input", Object.assign({ type: "text", inputmode: "decimal", autocomplete: "off" }, attrs || {}));
    i.value = value || "";
    return i;
  }

  function build(mount) {
    var params = new URLSearchParams(location.search), C = D.constants, N = D.names;
    function p(name, dflt) { var v = params.get(name); return v === null ? dflt : v; }
    mount.textContent = "";
    var form = el("form", { "class": "atlas-estimate-form", autocomplete: "off" });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    function group(legend) {
      var f = el("fieldset", { "class": "atlas-explore-filters atlas-estimate-group" });
      f.style.border = "0";
      f.style.padding = "0";
      f.style.margin = "0.6rem 0";
      f.style.minWidth = "0";
      var l = el("legend", { "class": "atlas-explore-label" }, legend);
      l.style.fontWeight = "600";
      l.style.padding = "0";
      f.appendChild(l);
      form.appendChild(f);
      return f;
    }
    var c = {}, jobBox = group("The job"), chipBox = group("The chips"), costBox = group("Prices, power and region");
    c.job = field(jobBox, "job", "Job", select([["training", "Training"], ["inference", "Inference"]], p("job", "training")));
    c.size = field(jobBox, "size", "Training size as", select([["flop", "a FLOP total"], ["nd", "parameters × tokens"],
                                                            ["model", "a model of the catalogue"]], p("size", "flop")));
    c.flop = field(jobBox, "flop", "FLOP", input(p("flop", "1e24")), "e.g. 1e24");
    c.parameters = field(jobBox, "parameters", "Parameters", input(p("parameters", "")),
                         "active parameters of a mixture of experts, e.g. 7e10");
    c.tokens = field(jobBox, "tokens", "Training tokens", input(p("tokens", "")), "e.g. 1.5e13");
    var list = el("datalist", { id: "atlas-estimate-models" });
    D.runs.forEach(function (r) { list.appendChild(el("option", { value: r[0] }, r[1])); });
    form.appendChild(list);
    c.model = field(jobBox, "model", "Model of the catalogue", input(p("model", ""), { list: "atlas-estimate-models",
                    inputmode: "text" }), "its id; its compute, and its chip unless given");
    c.tokens_basis = field(jobBox, "tokens_basis", "Tokens", select([["per_day", "per day, for some days"],
                                                                    ["total", "in total"]], p("tokens_basis", "per_day")));
    c.tokens_per_day = field(jobBox, "tokens_per_day", "Tokens per day", input(p("tokens_per_day", "1e9")));
    c.days = field(jobBox, "days", "Days", input(p("days", "30")));
    c.tokens_total = field(jobBox, "tokens_total", "Tokens in total", input(p("tokens_total", "")));
    var chipsList = el("datalist", { id: "atlas-estimate-chips" });
    D.chips.forEach(function (ch) { chipsList.appendChild(el("option", { value: ch.name })); });
    form.appendChild(chipsList);
    c.accelerator = field(chipBox, "accelerator", "Accelerator", input(p("accelerator", "NVIDIA H100 SXM5 80 GB"),
                          { list: "atlas-estimate-chips", inputmode: "text" }), "a name, an id or an alias");
    c.count = field(chipBox, "count", "How many", input(p("count", "1024"), { inputmode: "numeric" }),
                    "empty: one (a catalogue model's own count when no chip is named; one in the table of every chip)");
    var precs = [["", "the chip's default (BF16)"]].concat(Object.keys(N.precision).map(function (k) { return [k, N.precision[k]]; }));
    c.precision = field(chipBox, "precision", "Precision", select(precs, p("precision", "")));
    c.utilization = field(chipBox, "utilization", "Utilization, % of dense peak", input(p("utilization", "")),
                          "empty: measured for the chip, else the cost model's");
    c.pricing = field(costBox, "pricing", "Pricing", select([["", "on demand, else what the chip has"]].concat(
      C.pricings.map(function (k) { return [k, N.pricing[k] || k]; })), p("pricing", "")));
    c.region = field(costBox, "region", "Region (electricity)", select([["", "the cost model's default"]].concat(
      D.regions.map(function (r) { return [r[0], r[1]]; })), p("region", "")));
    c.pue = field(costBox, "pue", "PUE", input(p("pue", "")), "empty: the cost model's");
    c.segment = field(chipBox, "segment", "Chips compared", select([["", "every chip"]].concat(
      Object.keys(N.segment).map(function (k) { return [k, N.segment[k]]; })), p("segment", "data_centre")));
    mount.appendChild(form);
    var note = el("p", { "class": "atlas-estimate-message", role: "status", "aria-live": "polite" });
    mount.appendChild(note);
    var out = el("div", { "class": "atlas-estimate-result" });
    mount.appendChild(out);

    var shown = null;
    function show() {
      var training = c.job.value === "training";
      var size = c.size.value, total = c.tokens_basis.value === "total";
      var visible = { size: training, flop: training && size === "flop",
                      parameters: (training && size === "nd") || !training, tokens: training && size === "nd",
                      model: (training && size === "model") || !training, tokens_basis: !training,
                      tokens_per_day: !training && !total, days: !training && !total, tokens_total: !training && total };
      Object.keys(visible).forEach(function (k) { c[k].parentNode.style.display = visible[k] ? "" : "none"; });
      var inp = { inference: !training, count: c.count.value, precision: c.precision.value,
                  utilization: given(c.utilization.value) ? Number(c.utilization.value) / 100 : null,
                  pricing: c.pricing.value, region: c.region.value, pue: c.pue.value,
                  accelerator: c.accelerator.value };
      if (training && size === "flop") inp.flop = c.flop.value;
      if (training && size === "nd") { inp.parameters = c.parameters.value; inp.tokens = c.tokens.value; }
      if (training && size === "model") inp.run_id = runId(c.model.value);
      if (!training) {
        inp.parameters = c.parameters.value;
        if (given(c.model.value)) inp.run_id = runId(c.model.value);
        if (total) inp.tokens = c.tokens_total.value;
        else { inp.tokens_per_day = c.tokens_per_day.value; inp.days = c.days.value; }
      }
      var q = new URLSearchParams();
      FIELDS.forEach(function (k) {
        if (c[k] && c[k].parentNode.style.display !== "none" && c[k].value !== "") q.set(k, c[k].value);
      });
      // an input event and the change event after it (as the field loses focus) ask for the same estimate: once
      if (q.toString() === shown) return;
      shown = q.toString();
      history.replaceState(null, "", location.pathname + "?" + shown + location.hash);
      out.textContent = "";
      note.textContent = "";
      var e, all;
      try {
        e = estimate(inp);
      } catch (err) {
        note.textContent = err.message;
        note.className = "atlas-estimate-message atlas-compare-message";
      }
      if (e) out.appendChild(resultTable(e));
      try {
        // the inputs as given, as `compute-atlas estimate --all-accelerators` takes them (an empty count is one chip)
        all = estimateAll(Object.assign({}, inp, { accelerator: null, segment: c.segment.value }));
      } catch (err) {
        if (!e) return;
        all = null;
      }
      if (all) out.appendChild(acrossTable(all, e));
      out.setAttribute("data-estimated", "1");
    }
    form.addEventListener("input", show);
    form.addEventListener("change", show);
    show();
  }

  /* A model of the catalogue by its id or its name (any case). */
  function runId(text) {
    var key = String(text).trim(), lower = key.toLowerCase();
    if (runs[key]) return key;
    var hit = D.runs.filter(function (r) { return r[1].toLowerCase() === lower || r[0] === lower; })[0];
    return hit ? hit[0] : key;
  }

  function chipLink(id, name) { return el("a", { href: ROOT + "accelerators/" + id + ".html", "class": "atlas-entity-link" }, name); }

  function rowsList(e, key, indexes, title) {
    var box = el("details", { "class": "atlas-estimate-rows", id: "atlas-estimate-rows-" + key });
    box.appendChild(el("summary", {}, title + ": the " + indexes.length + " rows it rests on"));
    var ol = el("ol");
    indexes.forEach(function (i) {
      var s = e.sources[i], li = el("li");
      li.appendChild(document.createTextNode(s.used_for.charAt(0).toUpperCase() + s.used_for.slice(1) + ": "));
      li.appendChild(el("a", { href: ROOT + s.href, "class": "atlas-estimate-source", "data-table": s.table },
                         "the row " + s.key + " of " + s.table));
      li.appendChild(document.createTextNode(s.refs && s.refs.length ? "; " : ""));
      (s.refs || []).forEach(function (k, n) {
        var ref = D.references[k];
        if (n) li.appendChild(document.createTextNode(", "));
        li.appendChild(ref ? el("a", { href: ROOT + ref[1], "class": "atlas-estimate-reference" }, ref[0]) : el("span", {}, k));
      });
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }

  function resultTable(e) {
    var N = D.names, wrap = el("div", { "class": "atlas-estimate-one" });
    var head = el("p", { "class": "atlas-estimate-summary" });
    head.appendChild(document.createTextNode((e.job === "training" ? "Training" : "Inference") + ", " +
      FORMAT.flop(e.flop) + " (" + e.flop_basis + "), on " + e.accelerator_count + " × "));
    head.appendChild(chipLink(e.accelerator_id, e.accelerator_name));
    head.appendChild(document.createTextNode(" at " + (N.precision[e.precision] || e.precision) + " (" +
      (/^default/.test(e.precision_basis) ? "the default" : e.precision_basis) + "), utilization " + spanText(e.utilization, FORMAT.frac) + ": " + e.utilization_basis +
      ". Prices nearest " + D.date + "; electricity and carbon: " + (e.region === "default" ? "the cost model's defaults"
      : (D.regions.filter(function (r) { return r[0] === e.region; })[0] || [0, e.region])[1]) + "."));
    wrap.appendChild(head);
    var table = el("table", { "class": "atlas-compare-table atlas-estimate-table" });
    var thead = el("thead"), tr = el("tr");
    ["Result", "Central value (range)"].forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody"), lists = [];
    function row(key, label, r, fmt, links, ends) {
      var tr = el("tr", { "data-result": key });
      tr.appendChild(el("th", { scope: "row" }, label));
      var td = el("td");
      if (r && r.value !== null) {
        var list = rowsList(e, key, links, label), a = el("a", { href: "#atlas-estimate-rows-" + key,
          "class": "atlas-estimate-value", "data-result": key }, spanText(r, fmt, ends));
        a.addEventListener("click", function () { list.open = true; });
        td.appendChild(a);
        lists.push(list);
      } else {
        td.textContent = "not in the atlas";
        td.className = "atlas-compare-none";
      }
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    row("wall_clock_hours", "Wall-clock time", e.wall_clock_hours, FORMAT.hours, e.links.wall_clock_hours,
        FORMAT.hours_short);
    row("chip_hours", "Chip-hours", e.chip_hours, FORMAT.chip_hours, e.links.chip_hours);
    D.constants.pricings.forEach(function (pm) {
      var r = e.cost_usd_by_pricing[pm];
      if (!r) return;
      row("cost-" + pm, "Cost, " + (N.pricing[pm] || pm) + (pm === e.pricing ? " (chosen)" : ""), r, FORMAT.usd,
          e.links.cost[pm]);
    });
    row("energy_kwh", "Energy, with the data centre's overhead (PUE)", e.energy_kwh, FORMAT.kwh, e.links.energy_kwh);
    row("emissions_kg_co2e", "Emissions", e.emissions_kg_co2e, FORMAT.kg_co2e, e.links.emissions_kg_co2e);
    table.appendChild(tbody);
    var box = el("div", { "class": "atlas-compare-box" });
    box.appendChild(table);
    wrap.appendChild(box);
    if (e.missing.length) wrap.appendChild(el("p", { "class": "atlas-compare-info" }, "Not in the atlas: " + e.missing.join("; ") + "."));
    wrap.appendChild(el("p", { "class": "atlas-compare-info" }, "Follow a number to the rows it rests on; each row " +
      "links to the page that shows it and its references. A range is the ends of the inputs' ranges taken together."));
    lists.forEach(function (l) { wrap.appendChild(l); });
    return wrap;
  }

  function acrossTable(all, one) {
    var wrap = el("div", { "class": "atlas-estimate-all" });
    wrap.appendChild(el("h2", {}, "The same job on every chip"));
    function best(key) {
      var have = all.filter(function (e) { return e[key].value !== null; });
      if (!have.length) return null;
      return have.reduce(function (a, b) { return b[key].value < a[key].value ? b : a; }).accelerator_id;
    }
    var cheapest = best("cost_usd"), fastest = best("wall_clock_hours"), leanest = best("energy_kwh");
    var priced = all.filter(function (e) { return e.cost_usd.value !== null; }).length;
    var pricing = all.length ? all[0].pricing || (one && one.pricing) : null;
    wrap.appendChild(el("p", { "class": "atlas-compare-info" }, all.length + " chips, cheapest first " +
      "(the cost in one pricing, so that they compare); " + priced + " have a price and a rate, the others say what the " +
      "atlas lacks. Each at its own default utilization unless one is given."));
    var table = el("table", { "class": "atlas-explore-table atlas-estimate-across" });
    var thead = el("thead"), tr = el("tr");
    ["Accelerator", "Precision", "Wall-clock", "Chip-hours", "Cost", "Owning", "Energy", "Not in the atlas"].forEach(
      function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    all.forEach(function (e) {
      var tr = el("tr", { "data-accelerator": e.accelerator_id }), th = el("th", { scope: "row" });
      th.appendChild(chipLink(e.accelerator_id, e.accelerator_name));
      var marks = [];
      if (e.accelerator_id === cheapest) marks.push("cheapest");
      if (e.accelerator_id === fastest) marks.push("fastest");
      if (e.accelerator_id === leanest) marks.push("lowest energy");
      if (marks.length) th.appendChild(el("strong", { "class": "atlas-estimate-best" }, " (" + marks.join(", ") + ")"));
      // the chip's own estimate above, with the rows each of its numbers rests on
      var q = new URLSearchParams(location.search);
      q.set("accelerator", e.accelerator_id);
      th.appendChild(document.createTextNode(" "));
      th.appendChild(el("a", { href: "?" + q.toString() + "#atlas-estimate", "class": "atlas-estimate-pick",
                               title: "this chip's estimate, with the rows it rests on" }, "its rows"));
      tr.appendChild(th);
      function cell(text, number) {
        tr.appendChild(el("td", { "class": number ? "atlas-explore-number" : "" }, text));
      }
      cell(e.precision ? (D.names.precision[e.precision] || e.precision) : "");
      cell(e.wall_clock_hours.value === null ? "" : FORMAT.hours(e.wall_clock_hours.value), true);
      cell(e.chip_hours.value === null ? "" : FORMAT.chip_hours(e.chip_hours.value), true);
      cell(e.cost_usd.value === null ? "" : FORMAT.usd(e.cost_usd.value) + (e.pricing && e.pricing !== "on_demand"
        ? " (" + D.names.pricing[e.pricing] + ")" : ""), true);
      var own = e.cost_usd_by_pricing.ownership;
      cell(own && own.value !== null ? FORMAT.usd(own.value) : "", true);
      cell(e.energy_kwh.value === null ? "" : FORMAT.kwh(e.energy_kwh.value), true);
      cell(e.missing.join("; "));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var box = el("div", { "class": "atlas-explore-box" });
    box.appendChild(table);
    wrap.appendChild(box);
    if (pricing) wrap.setAttribute("data-pricing", pricing);
    return wrap;
  }

  window.atlasEstimate = { estimate: estimate, estimateAll: estimateAll, ready: false };
  window.atlasEstimateLoaded = function (data) {
    D = data;
    prepare();
    window.atlasEstimate.data = D;
    window.atlasEstimate.ready = true;
    var mount = document.getElementById("atlas-estimate");
    if (mount) build(mount);
  };
  function load() {
    var s = document.createElement("script");
    s.src = ROOT + "estimate-data.js";
    s.async = true;
    s.onerror = function () {
      var mount = document.getElementById("atlas-estimate");
      if (mount) mount.textContent = "The estimate's data (estimate-data.js) did not load.";
    };
    document.head.appendChild(s);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
