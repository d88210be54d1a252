console.log("bizflow: not ready");
