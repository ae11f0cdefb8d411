// The pipeline board. Dropping a card in another column, or choosing a stage from the
// card's menu, posts the move; the server answers the whole board (new totals), or
// redirects to the form when the rules want more. Each card's menu is filled from the
// board's one list of stages when it opens. Drag and drop is set up again after every
// htmx swap of the board.
(function () {
  // How many cards each column showed before the move (a dragged card is in its new
  // column already), so that the board comes back as long as it was.
  function shown(from, to) {
    var lengths = [];
    document.querySelectorAll('#board .board-cards').forEach(function (list) {
      var cards = list.querySelectorAll('.board-card').length;
      if (list === from) { cards++; }
      if (list === to) { cards--; }
      lengths.push(list.dataset.stageId + ':' + cards);
    });
    return lengths.join(',');
  }

  // The board's filters and column lengths at the last move: what a reload after a
  // refused move asks for, so that the board comes back as the user had it.
  var lastBoard = {};

  function move(card, stageId, lengths, byKeyboard) {
    lastBoard = { shown: lengths };
    new FormData(document.getElementById('board-filters')).forEach(function (value, key) {
      if (value) { lastBoard[key] = value; }
    });
    var values = Object.assign({ stage_id: stageId, version: card.dataset.version }, lastBoard);
    var cardId = card.id;
    htmx.ajax('POST', '/opportunities/' + card.dataset.id + '/move',
      { target: '#board', swap: 'outerHTML', values: values }).then(function () {
      if (!byKeyboard) { return; }
      // Keep the keyboard where it was: on the moved card's menu button.
      var button = document.querySelector('#' + cardId + ' [data-bs-toggle="dropdown"]');
      if (button) { button.focus(); }
    });
  }

  function init() {
    document.querySelectorAll('#board .board-cards').forEach(function (list) {
      if (list.dataset.sortable) { return; }
      list.dataset.sortable = 'true';
      new Sortable(list, {
        group: 'board',
        animation: 150,
        forceFallback: true,
        draggable: '.board-card',
        onEnd: function (event) {
          if (event.from === event.to) { return; }
          move(event.item, event.to.dataset.stageId, shown(event.from, event.to), false);
        }
      });
    });
  }

  document.addEventListener('show.bs.dropdown', function (event) {
    var card = event.target.closest('#board .board-card');
    if (!card) { return; }
    var current = card.closest('.board-cards').dataset.stageId;
    var menu = event.target.parentElement.querySelector('.dropdown-menu');
    menu.replaceChildren();
    document.getElementById('move-menu').content.querySelectorAll('li').forEach(function (item) {
      if (item.dataset.stageId !== current) { menu.appendChild(item.cloneNode(true)); }
    });
  });

  document.addEventListener('click', function (event) {
    var target = event.target.closest('#board .move-to');
    if (target) { move(target.closest('.board-card'), target.dataset.stageId, shown(null, null), true); }
  });

  // A move the server refused with an error (potentia.js says why): the board is loaded
  // again, with the same filters and as many cards in each column, so that no card stays
  // in a column it did not reach. Once: a reload that fails too (the database down) is
  // not tried again.
  document.addEventListener('htmx:responseError', function (event) {
    var headers = (event.detail.requestConfig && event.detail.requestConfig.headers) || {};
    if (event.detail.target && event.detail.target.id === 'board' && !headers['X-Potentia-Reload']) {
      htmx.ajax('GET', window.location.pathname,
        { target: '#board', select: '#board', swap: 'outerHTML', values: lastBoard,
          headers: { 'X-Potentia-Reload': 'true' } });
    }
  });

  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSettle', init);
})();
