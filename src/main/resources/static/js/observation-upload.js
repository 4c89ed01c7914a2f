// Upload progress for the CSV import: htmx reports upload progress; once the bytes are sent the
// server validates and stores, which the label then says. Without JavaScript the form posts normally.
(function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var box = document.getElementById('upload-progress-box');
  var bar = document.getElementById('upload-progress');
  var label = document.getElementById('upload-progress-label');
  var uploading = label.textContent;
  form.addEventListener('htmx:beforeRequest', function () {
    box.hidden = false;
    bar.value = 0;
    bar.setAttribute('max', '100');
    label.textContent = uploading;
  });
  form.addEventListener('htmx:xhr:progress', function (event) {
    if (event.detail.lengthComputable && event.detail.total > 0) {
      var percent = Math.round(event.detail.loaded * 100 / event.detail.total);
      bar.value = percent;
      if (percent >= 100) {
        bar.removeAttribute('value');
        label.textContent = label.getAttribute('data-processing');
      }
    }
  });
  form.addEventListener('htmx:afterRequest', function () {
    box.hidden = true;
  });
  // 4xx answers carry the list of bad cells: show them rather than dropping the swap.
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status === 400 || event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
