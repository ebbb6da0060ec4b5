import * as M from '@effect/platform/HttpClient'; const t=performance.now(); console.log('@effect/platform/HttpClient', Object.keys(M).length, (process.memoryUsage().rss/1048576).toFixed(0)+' MiB')
