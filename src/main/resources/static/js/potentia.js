// Send the CSRF token with every htmx request, and keep focus sensible after swaps.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// The notifications menu reloads every minute, but not while it is open (in script, as
// htmx runs without eval and so without trigger filters).
document.addEventListener('htmx:beforeRequest', function (event) {
  var elt = event.detail.elt;
  if (elt && elt.id === 'notifications' && elt.querySelector('.dropdown-menu.show')) {
    event.preventDefault();
  }
});

// A list's search form searches as the user types in the search box; a change of any other
// field searches at once, but the search box's own change event would search again
// (in script, as htmx runs without eval and so without trigger filters).
document.addEventListener('htmx:confirm', function (event) {
  var trigger = event.detail.triggeringEvent;
  if (event.detail.elt && event.detail.elt.id === 'list-search' && trigger && trigger.type === 'change'
      && trigger.target && trigger.target.name === 'q') {
    event.preventDefault();
  }
});

// A form with data-confirm asks before it is sent (a delete, for instance).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// htmx swaps nothing for an error answer, so a request made in the page that failed (a
// record someone else deleted, a save refused, the database or the network down) would
// pass unnoticed: say so above the page, with the error page's message where there is one.
function showRequestError(message) {
  var alert = document.getElementById('request-error');
  if (!alert) { return; }
  alert.textContent = message || alert.dataset.failed;
  alert.hidden = false;
  alert.scrollIntoView({ block: 'nearest' });
}
document.addEventListener('htmx:responseError', function (event) {
  var page = new DOMParser().parseFromString(event.detail.xhr.responseText || '', 'text/html');
  var message = page.getElementById('error-message');
  showRequestError(message ? message.textContent.trim() : null);
});
document.addEventListener('htmx:sendError', function () {
  var alert = document.getElementById('request-error');
  showRequestError(alert ? alert.dataset.unreachable : null);
});
document.addEventListener('htmx:beforeRequest', function (event) {
  var alert = document.getElementById('request-error');
  var elt = event.detail.elt;
  var headers = (event.detail.requestConfig && event.detail.requestConfig.headers) || {};
  // A new request the user made clears the last failure; the menu's polling and a
  // reload after the failure (X-Potentia-Reload) do not.
  if (alert && !alert.hidden && !(elt && elt.id === 'notifications') && !headers['X-Potentia-Reload']) {
    alert.hidden = true;
  }
});

// Our list handlers answer htmx requests with a fragment, so a history entry that is no
// longer cached must be loaded as a whole page.
if (window.htmx) {
  htmx.config.refreshOnHistoryMiss = true;
}

// A picker's search box sits inside the record's form: Enter searches, it does not save.
document.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && event.target.matches && event.target.matches('[data-picker-search]')) {
    event.preventDefault();
    htmx.trigger(event.target, 'search');
  }
});

// After a picker search, keep the chosen record if it is among the matches, else choose
// the first match, so that typing a name and saving links that record. A search without
// matches keeps the record chosen before: it must not unlink it unnoticed.
document.addEventListener('htmx:beforeSwap', function (event) {
  var select = event.detail.target;
  if (select && select.matches && select.matches('select[data-picker]')) {
    select.dataset.previous = select.value;
    select.dataset.previousLabel = select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : '';
  }
});
document.addEventListener('htmx:afterSwap', function (event) {
  var select = event.detail.target;
  if (select && select.matches && select.matches('select[data-picker]')) {
    var previous = select.dataset.previous;
    var kept = Array.prototype.some.call(select.options, function (option) {
      return option.value !== '' && option.value === previous;
    });
    if (kept) {
      select.value = previous;
    } else if (select.options.length > 1) {
      select.selectedIndex = 1;
    } else if (previous) {
      select.add(new Option(select.dataset.previousLabel, previous, true, true));
    }
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
});

// A form that comes back with errors puts the cursor in the first field to correct.
document.addEventListener('DOMContentLoaded', function () {
  var invalid = document.querySelector('main form .is-invalid');
  if (invalid && typeof invalid.focus === 'function') {
    invalid.focus();
  }
});

// A number as the page's language writes it ("127.000" on a German page), for what a chart
// writes itself: a slice's label, say. Anything else is given back as it is.
window.potentiaNumberText = function (value) {
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  return typeof value === 'number' ? format.format(value) : value;
};

// Numbers in charts as the page's language writes them: ECharts writes 180,000 on a German
// page too. Every value axis and tooltip without a formatter of its own gets one; the
// chart scripts pass their options through this before drawing.
window.potentiaChartNumbers = function (option) {
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  var text = function (value) { return typeof value === 'number' ? format.format(value) : value; };
  [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
    if (axis.type === 'value') {
      axis.axisLabel = axis.axisLabel || {};
      if (!axis.axisLabel.formatter) { axis.axisLabel.formatter = text; }
    }
  });
  if (option.tooltip && !option.tooltip.valueFormatter) { option.tooltip.valueFormatter = text; }
  return option;
};

// A form refused after a redirect (RefusedForms) gets back what was typed: the form with
// the posted action and the same hidden values is filled in again and its section opened.
// The same hidden values include the version: if someone saved the record between the
// page the user typed into and the refusal, nothing is filled back, so the next save
// cannot overwrite that change unseen. Passwords stay empty.
document.addEventListener('DOMContentLoaded', function () {
  var kept = document.getElementById('refused-form');
  if (!kept) {
    return;
  }
  var values = Array.from(kept.content.querySelectorAll('input'));
  var posted = function (name) {
    return values.filter(function (input) { return input.name === name; })
      // The attribute, not .value: a text input's value drops line breaks.
      .map(function (input) { return input.getAttribute('value') || ''; });
  };
  var form = Array.from(document.querySelectorAll('main form')).find(function (candidate) {
    return (candidate.getAttribute('method') || '').toLowerCase() === 'post'
      && new URL(candidate.action, location.href).pathname === kept.dataset.action
      && Array.from(candidate.querySelectorAll('input[type=hidden]')).every(function (hidden) {
        return !hidden.name || hidden.name === '_csrf' || posted(hidden.name).indexOf(hidden.value) >= 0;
      });
  });
  if (!form) {
    return;
  }
  var restore = function () {
    var seen = {};
    var changed = [];
    Array.from(form.elements).forEach(function (field) {
      if (!field.name || ['hidden', 'password', 'file', 'submit', 'button', 'reset'].indexOf(field.type) >= 0) {
        return;
      }
      var given = posted(field.name);
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = given.indexOf(field.value) >= 0;
        return;
      }
      if (field.type === 'select-multiple') {
        Array.from(field.options).forEach(function (option) { option.selected = given.indexOf(option.value) >= 0; });
        return;
      }
      var index = seen[field.name] = (seen[field.name] === undefined) ? 0 : seen[field.name] + 1;
      var value = given[index];
      if (value === undefined || field.value === value) {
        return;
      }
      if (field.tagName === 'SELECT' && !Array.from(field.options).some(function (o) { return o.value === value; })) {
        return;
      }
      field.value = value;
      if (field.hasAttribute('hx-get')) {
        changed.push(field);
      }
    });
    return changed;
  };
  var dependent = restore();
  if (dependent.length && window.htmx) {
    // A select that loads the input beside it: load it for the kept choice, then fill it.
    var pending = dependent.length;
    form.addEventListener('htmx:afterSettle', function again() {
      if (--pending === 0) {
        form.removeEventListener('htmx:afterSettle', again);
        restore();
      }
    });
    dependent.forEach(function (field) { htmx.trigger(field, 'change'); });
  }
  var section = form.closest('.collapse');
  if (section && window.bootstrap) {
    bootstrap.Collapse.getOrCreateInstance(section, { toggle: false }).show();
  }
  var details = form.closest('details');
  if (details) {
    details.open = true;
  }
  // The message again where the eye is: the page's own alert is at its top, out of view
  // once the form is scrolled to (it stays the one announced to screen readers).
  var alert = document.querySelector('main > .alert-danger[role=alert]:not([hidden])');
  var shown = form;
  if (alert) {
    shown = document.createElement('div');
    shown.className = 'alert alert-danger py-2 small refused-form-message';
    shown.textContent = alert.textContent.trim();
    form.parentNode.insertBefore(shown, form);
  }
  shown.scrollIntoView({ block: 'center' });
});
