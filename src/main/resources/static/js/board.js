// Drag and drop on the pipeline board: dropping a card in another column posts the move;
// the server answers the whole board (new totals), or redirects to the form when the
// rules want more. Re-initialised after every htmx swap of the board.
(function () {
  function init() {
    document.querySelectorAll('#board .board-cards').forEach(function (list) {
      if (list.dataset.sortable) { return; }
      list.dataset.sortable = 'true';
      new Sortable(list, {
        group: 'board',
        animation: 150,
        forceFallback: true,
        onEnd: function (event) {
          if (event.from === event.to) { return; }
          var card = event.item;
          var stageId = event.to.dataset.stageId;
          var values = { stage_id: stageId, version: card.dataset.version };
          new FormData(document.getElementById('board-filters')).forEach(function (value, key) {
            if (value) { values[key] = value; }
          });
          htmx.ajax('POST', '/opportunities/' + card.dataset.id + '/move',
            { target: '#board', swap: 'outerHTML', values: values });
        }
      });
    });
  }
  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSettle', init);
})();
