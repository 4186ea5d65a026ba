// exactsvd serve: the only script. Every page works without it; it moves the compression slider without a reload.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var section = document.querySelector("section.compression");
  var slider = document.getElementById("k-slider");
  if (!section || !slider) { return; }
  var pending = null;
  var busy = false;

  function show(data) {
    document.getElementById("k-value").textContent = data.k;
    var field = document.querySelector("form input[name=k]");
    if (field) { field.value = data.k; }
    document.getElementById("ratio").textContent = data.compression_ratio;
    document.getElementById("error").textContent = (100 * data.relative_error).toFixed(2);
    document.getElementById("reconstruction").src = data.reconstruction;
    document.getElementById("plot").src = data.plot;
    section.dataset.k = data.k;
  }

  function request(k) {
    if (busy) { pending = k; return; }
    busy = true;
    fetch("/api/compress", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ image: section.dataset.picture, k: k })
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error ? data.error.message : response.statusText); }
        show(data);
      });
    }).catch(function (error) {
      document.getElementById("numbers").textContent = String(error.message || error);
    }).finally(function () {
      busy = false;
      if (pending !== null) { var next = pending; pending = null; request(next); }
    });
  }

  slider.addEventListener("input", function () {
    document.getElementById("k-value").textContent = slider.value;
    request(Number(slider.value));
  });
});
