// The report generator: column rows added and removed, the filter builder (conditions in
// AND/OR groups, written to the filter text as the filter language and read back from
// it), the module choice, and the report's chart, drawn by report-chart.js from the result
// table's own data attributes (so that the chart never shows other figures than the
// table); a click on a bar, point or slice follows the row's drill-down link. No page needs an inline script:
// the Content-Security-Policy forbids them.
(function () {
  'use strict';

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function pairs(text) {
    var result = [];
    (text || '').split('|').forEach(function (part) {
      var i = part.indexOf('=');
      if (i > 0) {
        result.push({ key: part.substring(0, i), label: part.substring(i + 1) });
      }
    });
    return result;
  }

  // ---- Columns ------------------------------------------------------------------------

  function renumber(container) {
    Array.prototype.forEach.call(container.querySelectorAll('.column-row'), function (row, index) {
      Array.prototype.forEach.call(row.querySelectorAll('[name]'), function (input) {
        input.name = input.name.replace(/columns\[\d+\]/, 'columns[' + index + ']');
        input.id = input.id.replace(/columns\d+/, 'columns' + index);
      });
      Array.prototype.forEach.call(row.querySelectorAll('label[for]'), function (label) {
        label.setAttribute('for', label.getAttribute('for').replace(/columns\d+/, 'columns' + index));
      });
    });
  }

  function columns() {
    var container = document.getElementById('columns');
    var add = document.getElementById('add-column');
    if (!container || !add) {
      return;
    }
    add.addEventListener('click', function () {
      var rows = container.querySelectorAll('.column-row');
      var copy = rows[rows.length - 1].cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('select, input'), function (input) {
        if (input.tagName === 'SELECT') {
          input.selectedIndex = 0;
        } else {
          input.value = '';
        }
      });
      container.appendChild(copy);
      renumber(container);
    });
    container.addEventListener('click', function (event) {
      var button = event.target.closest('.remove-column');
      if (!button) {
        return;
      }
      var rows = container.querySelectorAll('.column-row');
      var row = button.closest('.column-row');
      if (rows.length > 1) {
        row.remove();
      } else {
        Array.prototype.forEach.call(row.querySelectorAll('select, input'), function (input) {
          if (input.tagName === 'SELECT') { input.selectedIndex = 0; } else { input.value = ''; }
        });
      }
      renumber(container);
    });
  }

  function moduleChoice() {
    var select = document.getElementById('module');
    var form = document.getElementById('report-form');
    if (!select || !form) {
      return;
    }
    select.addEventListener('change', function () {
      var action = el('input', { type: 'hidden', name: 'action', value: 'module' });
      form.appendChild(action);
      form.submit();
    });
  }

  // ---- Filter builder -------------------------------------------------------------------

  var NO_VALUE = { '$is.null': true, '$not.null': true };

  function filterBuilder() {
    var root = document.getElementById('filter-builder');
    var text = document.getElementById('filter');
    var fieldList = document.getElementById('filter-fields');
    if (!root || !text || !fieldList) {
      return;
    }
    var fields = Array.prototype.map.call(fieldList.options, function (option) {
      return {
        name: option.value, label: option.textContent, type: option.dataset.type,
        options: option.dataset.options ? option.dataset.options.split('|') : []
      };
    });
    var byName = {};
    fields.forEach(function (field) { byName[field.name] = field; });
    var operators = pairs(root.dataset.operators);
    var operatorNames = {};
    operators.forEach(function (op) { operatorNames[op.key] = true; });
    var periods = pairs(root.dataset.periods);
    var model;

    function isNumeric(field) {
      return field && ['integer', 'decimal', 'money', 'percent', 'relation'].indexOf(field.type) >= 0;
    }

    function isTemporal(field) {
      return field && (field.type === 'date' || field.type === 'datetime');
    }

    function operatorsFor(field) {
      var text = ['$eq', '$ne', '$cts', '$not.cts', '$beg', '$end', '$in', '$is.null', '$not.null'];
      var ordered = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$between', '$in', '$is.null', '$not.null'];
      var allowed = (isNumeric(field) || isTemporal(field)) ? ordered : text;
      if (field && field.type === 'boolean') {
        allowed = ['$eq', '$ne', '$is.null', '$not.null'];
      }
      return operators.filter(function (op) { return allowed.indexOf(op.key) >= 0; });
    }

    // Reads the filter text into groups and conditions; null if it has a form the
    // builder cannot show.
    function read(node) {
      if (node === null || node === undefined || (Array.isArray(node) && node.length === 0)) {
        return { op: '$and', items: [] };
      }
      if (Array.isArray(node)) {
        return group('$and', node);
      }
      if (typeof node !== 'object') {
        return null;
      }
      var keys = Object.keys(node);
      if (keys.length !== 1) {
        return null;
      }
      var key = keys[0];
      if (key === '$and' || key === '$or') {
        return Array.isArray(node[key]) ? group(key, node[key]) : null;
      }
      return null;
    }

    function group(op, list) {
      var items = [];
      for (var i = 0; i < list.length; i++) {
        var item = list[i];
        var keys = (item && typeof item === 'object' && !Array.isArray(item)) ? Object.keys(item) : [];
        if (keys.length === 1 && (keys[0] === '$and' || keys[0] === '$or')) {
          var inner = read(item);
          if (!inner) { return null; }
          items.push(inner);
        } else {
          var condition = readCondition(item);
          if (!condition) { return null; }
          items.push(condition);
        }
      }
      return { op: op, items: items };
    }

    function readCondition(node) {
      if (!node || typeof node !== 'object' || Array.isArray(node)) {
        return null;
      }
      var keys = Object.keys(node);
      if (keys.length !== 1) {
        return null;
      }
      var key = keys[0];
      var args = node[key];
      if (key.charAt(0) !== '$') {
        return (byName[key] && (args === null || typeof args !== 'object')) ? { field: key, op: '$eq', values: [String(args)] } : null;
      }
      if (!operatorNames[key] || !Array.isArray(args) || typeof args[0] !== 'string' || !byName[args[0]]) {
        return null;
      }
      var rest = args.slice(1);
      if (key === '$in') {
        return Array.isArray(rest[0]) ? { field: args[0], op: key, values: [rest[0].join(', ')] } : null;
      }
      if (key === '$between' && rest.length === 1 && Array.isArray(rest[0])) {
        rest = rest[0];
      }
      if (rest.some(function (value) { return value !== null && typeof value === 'object'; })) {
        return null;
      }
      return { field: args[0], op: key, values: rest.map(function (value) { return value === null ? '' : String(value); }) };
    }

    function value(field, textValue) {
      if (isNumeric(field) && /^-?\d+(\.\d+)?$/.test(textValue.trim())) {
        return Number(textValue.trim());
      }
      if (field && field.type === 'boolean') {
        return textValue === 'true';
      }
      return textValue;
    }

    function write(node) {
      if (node.items) {
        var parts = node.items.map(write).filter(function (part) { return part !== null; });
        if (parts.length === 0) {
          return null;
        }
        var result = {};
        result[node.op] = parts;
        return result;
      }
      if (!node.field) {
        return null;
      }
      var field = byName[node.field];
      var condition = {};
      if (NO_VALUE[node.op]) {
        condition[node.op] = [node.field];
      } else if (node.op === '$in') {
        condition[node.op] = [node.field, (node.values[0] || '').split(',').map(function (part) {
          return value(field, part.trim());
        }).filter(function (part) { return part !== ''; })];
      } else if (node.op === '$between') {
        condition[node.op] = [node.field, value(field, node.values[0] || ''), value(field, node.values[1] || '')];
      } else {
        condition[node.op] = [node.field, value(field, node.values[0] || '')];
      }
      return condition;
    }

    function sync() {
      var written = write(model);
      text.value = written ? JSON.stringify(written) : '';
    }

    function period(field, key) {
      var head = field.type === 'date' ? '$now.date' : '$now';
      var last = field.type === 'date' ? ' -1 day' : ' -1 second';
      switch (key) {
        case 'today': return [head + '/day', field.type === 'date' ? head + '/day' : head + '/day +1 day' + last];
        case 'this_week': return [head + '/week', head + '/week +1 week' + last];
        case 'this_month': return [head + '/month', head + '/month +1 month' + last];
        case 'last_month': return [head + '/month -1 month', head + '/month' + last];
        case 'this_quarter': return [head + '/quarter', head + '/quarter +3 months' + last];
        case 'next_quarter': return [head + '/quarter +3 months', head + '/quarter +6 months' + last];
        case 'this_year': return [head + '/year', head + '/year +1 year' + last];
        case 'last_30_days': return [head + ' -30 days', head];
        case 'next_90_days': return [head, head + ' +90 days'];
        default: return null;
      }
    }

    function renderCondition(condition, parent) {
      var row = el('div', { 'class': 'd-flex flex-wrap gap-2 mb-2 filter-condition' });
      var fieldSelect = el('select', { 'class': 'form-select form-select-sm w-auto filter-field', 'aria-label': 'field' });
      fieldSelect.appendChild(el('option', { value: '' }, '—'));
      fields.forEach(function (field) {
        var option = el('option', { value: field.name }, field.label);
        if (field.name === condition.field) { option.selected = true; }
        fieldSelect.appendChild(option);
      });
      var field = byName[condition.field];
      var opSelect = el('select', { 'class': 'form-select form-select-sm w-auto filter-operator', 'aria-label': 'operator' });
      operatorsFor(field).forEach(function (op) {
        var option = el('option', { value: op.key }, op.label);
        if (op.key === condition.op) { option.selected = true; }
        opSelect.appendChild(option);
      });
      if (!operatorsFor(field).some(function (op) { return op.key === condition.op; })) {
        condition.op = opSelect.value;
      }
      row.appendChild(fieldSelect);
      row.appendChild(opSelect);
      var count = NO_VALUE[condition.op] ? 0 : (condition.op === '$between' ? 2 : 1);
      for (var i = 0; i < count; i++) {
        (function (index) {
          var input;
          if (field && field.options.length && condition.op !== '$in' && count === 1) {
            input = el('select', { 'class': 'form-select form-select-sm w-auto filter-value', 'aria-label': 'value' });
            input.appendChild(el('option', { value: '' }, '—'));
            field.options.forEach(function (code) {
              var option = el('option', { value: code }, code);
              if (code === condition.values[index]) { option.selected = true; }
              input.appendChild(option);
            });
          } else if (field && field.type === 'boolean') {
            input = el('select', { 'class': 'form-select form-select-sm w-auto filter-value', 'aria-label': 'value' });
            ['true', 'false'].forEach(function (code) {
              var option = el('option', { value: code }, code === 'true' ? '✓' : '✗');
              if (code === condition.values[index]) { option.selected = true; }
              input.appendChild(option);
            });
            condition.values[index] = input.value;
          } else {
            input = el('input', { 'class': 'form-control form-control-sm w-auto filter-value', 'aria-label': 'value',
              type: 'text' });
            input.value = condition.values[index] || '';
            if (isTemporal(field)) { input.setAttribute('placeholder', 'yyyy-mm-dd / $now.date'); }
          }
          input.addEventListener('change', function () { condition.values[index] = input.value; sync(); });
          input.addEventListener('input', function () { condition.values[index] = input.value; sync(); });
          row.appendChild(input);
        })(i);
      }
      if (isTemporal(field)) {
        var periodSelect = el('select', { 'class': 'form-select form-select-sm w-auto filter-period', 'aria-label': root.dataset.period });
        periodSelect.appendChild(el('option', { value: '' }, root.dataset.period));
        periods.forEach(function (p) { periodSelect.appendChild(el('option', { value: p.key }, p.label)); });
        periodSelect.addEventListener('change', function () {
          var values = period(field, periodSelect.value);
          if (values) {
            condition.op = '$between';
            condition.values = values;
            sync();
            render();
          }
        });
        row.appendChild(periodSelect);
      }
      var remove = el('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary filter-remove' }, '×');
      remove.setAttribute('aria-label', root.dataset.remove);
      remove.addEventListener('click', function () {
        parent.items.splice(parent.items.indexOf(condition), 1);
        sync();
        render();
      });
      row.appendChild(remove);
      fieldSelect.addEventListener('change', function () {
        condition.field = fieldSelect.value;
        condition.values = [];
        sync();
        render();
      });
      opSelect.addEventListener('change', function () {
        condition.op = opSelect.value;
        sync();
        render();
      });
      return row;
    }

    function renderGroup(node, parent) {
      var box = el('div', { 'class': 'border rounded p-2 mb-2 filter-group' });
      var head = el('div', { 'class': 'd-flex flex-wrap gap-2 mb-2' });
      var opSelect = el('select', { 'class': 'form-select form-select-sm w-auto filter-logic', 'aria-label': 'logic' });
      [['$and', root.dataset.and], ['$or', root.dataset.or]].forEach(function (pair) {
        var option = el('option', { value: pair[0] }, pair[1]);
        if (pair[0] === node.op) { option.selected = true; }
        opSelect.appendChild(option);
      });
      opSelect.addEventListener('change', function () { node.op = opSelect.value; sync(); });
      head.appendChild(opSelect);
      var addCondition = el('button', { type: 'button', 'class': 'btn btn-sm btn-outline-primary filter-add-condition' }, root.dataset.addCondition);
      addCondition.addEventListener('click', function () {
        node.items.push({ field: '', op: '$eq', values: [] });
        render();
      });
      head.appendChild(addCondition);
      var addGroup = el('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary filter-add-group' }, root.dataset.addGroup);
      addGroup.addEventListener('click', function () {
        node.items.push({ op: '$or', items: [{ field: '', op: '$eq', values: [] }] });
        render();
      });
      head.appendChild(addGroup);
      if (parent) {
        var remove = el('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary' }, '×');
        remove.setAttribute('aria-label', root.dataset.remove);
        remove.addEventListener('click', function () {
          parent.items.splice(parent.items.indexOf(node), 1);
          sync();
          render();
        });
        head.appendChild(remove);
      }
      box.appendChild(head);
      node.items.forEach(function (item) {
        box.appendChild(item.items ? renderGroup(item, node) : renderCondition(item, node));
      });
      return box;
    }

    function render() {
      root.innerHTML = '';
      if (!model) {
        root.appendChild(el('p', { 'class': 'small text-muted mb-0', id: 'filter-manual' }, root.dataset.manual));
        return;
      }
      root.appendChild(renderGroup(model, null));
    }

    function load() {
      var source = text.value.trim();
      try {
        model = read(source ? JSON.parse(source) : null);
      } catch (e) {
        model = null;
      }
      render();
    }

    text.addEventListener('change', load);
    load();
  }

  // ---- Chart ------------------------------------------------------------------------------

  function chart() {
    var element = document.getElementById('report-chart');
    var table = document.getElementById('report-table');
    if (!element || !table || !window.echarts || !window.PotentiaReportChart) {
      return;
    }
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr.report-row'), function (row) {
      return {
        g1: row.dataset.g1, g2: row.dataset.g2, href: row.dataset.href,
        values: row.dataset.values.split('|').map(window.PotentiaReportChart.number)
      };
    });
    var instance = window.echarts.init(element);
    window.PotentiaReportChart.draw(instance, element.dataset.view, Number(element.dataset.groups),
      (table.dataset.measures || '').split('|'), rows);
    element.dataset.drawn = 'true';
    window.addEventListener('resize', function () { instance.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    columns();
    moduleChoice();
    filterBuilder();
    chart();
  });
})();
