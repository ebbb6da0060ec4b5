var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all5) => {
  for (var name in all5)
    __defProp(target, name, { get: all5[name], enumerable: true });
};

// node_modules/effect/dist/esm/Function.js
function pipe(a, ab, bc, cd, de, ef, fg, gh, hi) {
  switch (arguments.length) {
    case 1:
      return a;
    case 2:
      return ab(a);
    case 3:
      return bc(ab(a));
    case 4:
      return cd(bc(ab(a)));
    case 5:
      return de(cd(bc(ab(a))));
    case 6:
      return ef(de(cd(bc(ab(a)))));
    case 7:
      return fg(ef(de(cd(bc(ab(a))))));
    case 8:
      return gh(fg(ef(de(cd(bc(ab(a)))))));
    case 9:
      return hi(gh(fg(ef(de(cd(bc(ab(a))))))));
    default: {
      let ret = arguments[0];
      for (let i = 1; i < arguments.length; i++) {
        ret = arguments[i](ret);
      }
      return ret;
    }
  }
}
var isFunction, dual, identity, constant, constTrue, constFalse, constUndefined, constVoid;
var init_Function = __esm({
  "node_modules/effect/dist/esm/Function.js"() {
    isFunction = (input) => typeof input === "function";
    dual = function(arity, body4) {
      if (typeof arity === "function") {
        return function() {
          if (arity(arguments)) {
            return body4.apply(this, arguments);
          }
          return (self) => body4(self, ...arguments);
        };
      }
      switch (arity) {
        case 0:
        case 1:
          throw new RangeError(`Invalid arity ${arity}`);
        case 2:
          return function(a, b) {
            if (arguments.length >= 2) {
              return body4(a, b);
            }
            return function(self) {
              return body4(self, a);
            };
          };
        case 3:
          return function(a, b, c) {
            if (arguments.length >= 3) {
              return body4(a, b, c);
            }
            return function(self) {
              return body4(self, a, b);
            };
          };
        case 4:
          return function(a, b, c, d) {
            if (arguments.length >= 4) {
              return body4(a, b, c, d);
            }
            return function(self) {
              return body4(self, a, b, c);
            };
          };
        case 5:
          return function(a, b, c, d, e) {
            if (arguments.length >= 5) {
              return body4(a, b, c, d, e);
            }
            return function(self) {
              return body4(self, a, b, c, d);
            };
          };
        default:
          return function() {
            if (arguments.length >= arity) {
              return body4.apply(this, arguments);
            }
            const args2 = arguments;
            return function(self) {
              return body4(self, ...args2);
            };
          };
      }
    };
    identity = (a) => a;
    constant = (value2) => () => value2;
    constTrue = /* @__PURE__ */ constant(true);
    constFalse = /* @__PURE__ */ constant(false);
    constUndefined = /* @__PURE__ */ constant(void 0);
    constVoid = constUndefined;
  }
});

// node_modules/effect/dist/esm/Equivalence.js
var make, isStrictEquivalent, strict, number, mapInput, Date2, array;
var init_Equivalence = __esm({
  "node_modules/effect/dist/esm/Equivalence.js"() {
    init_Function();
    make = (isEquivalent) => (self, that) => self === that || isEquivalent(self, that);
    isStrictEquivalent = (x, y) => x === y;
    strict = () => isStrictEquivalent;
    number = /* @__PURE__ */ strict();
    mapInput = /* @__PURE__ */ dual(2, (self, f) => make((x, y) => self(f(x), f(y))));
    Date2 = /* @__PURE__ */ mapInput(number, (date) => date.getTime());
    array = (item) => make((self, that) => {
      if (self.length !== that.length) {
        return false;
      }
      for (let i = 0; i < self.length; i++) {
        const isEq = item(self[i], that[i]);
        if (!isEq) {
          return false;
        }
      }
      return true;
    });
  }
});

// node_modules/effect/dist/esm/GlobalValue.js
var globalStoreId, globalStore, globalValue;
var init_GlobalValue = __esm({
  "node_modules/effect/dist/esm/GlobalValue.js"() {
    globalStoreId = `effect/GlobalValue`;
    globalValue = (id2, compute) => {
      if (!globalStore) {
        globalThis[globalStoreId] ??= /* @__PURE__ */ new Map();
        globalStore = globalThis[globalStoreId];
      }
      if (!globalStore.has(id2)) {
        globalStore.set(id2, compute());
      }
      return globalStore.get(id2);
    };
  }
});

// node_modules/effect/dist/esm/Predicate.js
var isString, isNumber, isBoolean, isBigInt, isSymbol, isFunction2, isUndefined, isNever, isRecordOrArray, isObject, hasProperty, isTagged, isNullable, isNotNullable, isDate, isIterable, isRecord, isPromiseLike;
var init_Predicate = __esm({
  "node_modules/effect/dist/esm/Predicate.js"() {
    init_Function();
    isString = (input) => typeof input === "string";
    isNumber = (input) => typeof input === "number";
    isBoolean = (input) => typeof input === "boolean";
    isBigInt = (input) => typeof input === "bigint";
    isSymbol = (input) => typeof input === "symbol";
    isFunction2 = isFunction;
    isUndefined = (input) => input === void 0;
    isNever = (_) => false;
    isRecordOrArray = (input) => typeof input === "object" && input !== null;
    isObject = (input) => isRecordOrArray(input) || isFunction2(input);
    hasProperty = /* @__PURE__ */ dual(2, (self, property) => isObject(self) && property in self);
    isTagged = /* @__PURE__ */ dual(2, (self, tag2) => hasProperty(self, "_tag") && self["_tag"] === tag2);
    isNullable = (input) => input === null || input === void 0;
    isNotNullable = (input) => input !== null && input !== void 0;
    isDate = (input) => input instanceof Date;
    isIterable = (input) => typeof input === "string" || hasProperty(input, Symbol.iterator);
    isRecord = (input) => isRecordOrArray(input) && !Array.isArray(input);
    isPromiseLike = (input) => hasProperty(input, "then") && isFunction2(input.then);
  }
});

// node_modules/effect/dist/esm/internal/errors.js
var getBugErrorMessage;
var init_errors = __esm({
  "node_modules/effect/dist/esm/internal/errors.js"() {
    getBugErrorMessage = (message) => `BUG: ${message} - please report an issue at https://github.com/Effect-TS/effect/issues`;
  }
});

// node_modules/effect/dist/esm/Utils.js
function mul64(out, aHi, aLo, bHi, bLo) {
  let c1 = (aLo >>> 16) * (bLo & 65535) >>> 0;
  let c0 = (aLo & 65535) * (bLo >>> 16) >>> 0;
  let lo = (aLo & 65535) * (bLo & 65535) >>> 0;
  let hi = (aLo >>> 16) * (bLo >>> 16) + ((c0 >>> 16) + (c1 >>> 16)) >>> 0;
  c0 = c0 << 16 >>> 0;
  lo = lo + c0 >>> 0;
  if (lo >>> 0 < c0 >>> 0) {
    hi = hi + 1 >>> 0;
  }
  c1 = c1 << 16 >>> 0;
  lo = lo + c1 >>> 0;
  if (lo >>> 0 < c1 >>> 0) {
    hi = hi + 1 >>> 0;
  }
  hi = hi + Math.imul(aLo, bHi) >>> 0;
  hi = hi + Math.imul(aHi, bLo) >>> 0;
  out[0] = hi;
  out[1] = lo;
}
function add64(out, aHi, aLo, bHi, bLo) {
  let hi = aHi + bHi >>> 0;
  const lo = aLo + bLo >>> 0;
  if (lo >>> 0 < aLo >>> 0) {
    hi = hi + 1 | 0;
  }
  out[0] = hi;
  out[1] = lo;
}
function yieldWrapGet(self) {
  if (typeof self === "object" && self !== null && YieldWrapTypeId in self) {
    return self[YieldWrapTypeId]();
  }
  throw new Error(getBugErrorMessage("yieldWrapGet"));
}
var GenKindTypeId, GenKindImpl, SingleShotGen, defaultIncHi, defaultIncLo, MUL_HI, MUL_LO, BIT_53, BIT_27, PCGRandom, YieldWrapTypeId, YieldWrap, structuralRegionState, standard, forced, isNotOptimizedAway, internalCall, genConstructor;
var init_Utils = __esm({
  "node_modules/effect/dist/esm/Utils.js"() {
    init_Function();
    init_GlobalValue();
    init_errors();
    init_Predicate();
    GenKindTypeId = /* @__PURE__ */ Symbol.for("effect/Gen/GenKind");
    GenKindImpl = class {
      value;
      constructor(value2) {
        this.value = value2;
      }
      /**
       * @since 2.0.0
       */
      get _F() {
        return identity;
      }
      /**
       * @since 2.0.0
       */
      get _R() {
        return (_) => _;
      }
      /**
       * @since 2.0.0
       */
      get _O() {
        return (_) => _;
      }
      /**
       * @since 2.0.0
       */
      get _E() {
        return (_) => _;
      }
      /**
       * @since 2.0.0
       */
      [GenKindTypeId] = GenKindTypeId;
      /**
       * @since 2.0.0
       */
      [Symbol.iterator]() {
        return new SingleShotGen(this);
      }
    };
    SingleShotGen = class _SingleShotGen {
      self;
      called = false;
      constructor(self) {
        this.self = self;
      }
      /**
       * @since 2.0.0
       */
      next(a) {
        return this.called ? {
          value: a,
          done: true
        } : (this.called = true, {
          value: this.self,
          done: false
        });
      }
      /**
       * @since 2.0.0
       */
      return(a) {
        return {
          value: a,
          done: true
        };
      }
      /**
       * @since 2.0.0
       */
      throw(e) {
        throw e;
      }
      /**
       * @since 2.0.0
       */
      [Symbol.iterator]() {
        return new _SingleShotGen(this.self);
      }
    };
    defaultIncHi = 335903614;
    defaultIncLo = 4150755663;
    MUL_HI = 1481765933 >>> 0;
    MUL_LO = 1284865837 >>> 0;
    BIT_53 = 9007199254740992;
    BIT_27 = 134217728;
    PCGRandom = class {
      _state;
      constructor(seedHi, seedLo, incHi, incLo) {
        if (isNullable(seedLo) && isNullable(seedHi)) {
          seedLo = Math.random() * 4294967295 >>> 0;
          seedHi = 0;
        } else if (isNullable(seedLo)) {
          seedLo = seedHi;
          seedHi = 0;
        }
        if (isNullable(incLo) && isNullable(incHi)) {
          incLo = this._state ? this._state[3] : defaultIncLo;
          incHi = this._state ? this._state[2] : defaultIncHi;
        } else if (isNullable(incLo)) {
          incLo = incHi;
          incHi = 0;
        }
        this._state = new Int32Array([0, 0, incHi >>> 0, ((incLo || 0) | 1) >>> 0]);
        this._next();
        add64(this._state, this._state[0], this._state[1], seedHi >>> 0, seedLo >>> 0);
        this._next();
        return this;
      }
      /**
       * Returns a copy of the internal state of this random number generator as a
       * JavaScript Array.
       *
       * @category getters
       * @since 2.0.0
       */
      getState() {
        return [this._state[0], this._state[1], this._state[2], this._state[3]];
      }
      /**
       * Restore state previously retrieved using `getState()`.
       *
       * @since 2.0.0
       */
      setState(state) {
        this._state[0] = state[0];
        this._state[1] = state[1];
        this._state[2] = state[2];
        this._state[3] = state[3] | 1;
      }
      /**
       * Get a uniformly distributed 32 bit integer between [0, max).
       *
       * @category getter
       * @since 2.0.0
       */
      integer(max5) {
        return Math.round(this.number() * Number.MAX_SAFE_INTEGER) % max5;
      }
      /**
       * Get a uniformly distributed IEEE-754 double between 0.0 and 1.0, with
       * 53 bits of precision (every bit of the mantissa is randomized).
       *
       * @category getters
       * @since 2.0.0
       */
      number() {
        const hi = (this._next() & 67108863) * 1;
        const lo = (this._next() & 134217727) * 1;
        return (hi * BIT_27 + lo) / BIT_53;
      }
      /** @internal */
      _next() {
        const oldHi = this._state[0] >>> 0;
        const oldLo = this._state[1] >>> 0;
        mul64(this._state, oldHi, oldLo, MUL_HI, MUL_LO);
        add64(this._state, this._state[0], this._state[1], this._state[2], this._state[3]);
        let xsHi = oldHi >>> 18;
        let xsLo = (oldLo >>> 18 | oldHi << 14) >>> 0;
        xsHi = (xsHi ^ oldHi) >>> 0;
        xsLo = (xsLo ^ oldLo) >>> 0;
        const xorshifted = (xsLo >>> 27 | xsHi << 5) >>> 0;
        const rot = oldHi >>> 27;
        const rot2 = (-rot >>> 0 & 31) >>> 0;
        return (xorshifted >>> rot | xorshifted << rot2) >>> 0;
      }
    };
    YieldWrapTypeId = /* @__PURE__ */ Symbol.for("effect/Utils/YieldWrap");
    YieldWrap = class {
      /**
       * @since 3.0.6
       */
      #value;
      constructor(value2) {
        this.#value = value2;
      }
      /**
       * @since 3.0.6
       */
      [YieldWrapTypeId]() {
        return this.#value;
      }
    };
    structuralRegionState = /* @__PURE__ */ globalValue("effect/Utils/isStructuralRegion", () => ({
      enabled: false,
      tester: void 0
    }));
    standard = {
      effect_internal_function: (body4) => {
        return body4();
      }
    };
    forced = {
      effect_internal_function: (body4) => {
        try {
          return body4();
        } finally {
        }
      }
    };
    isNotOptimizedAway = /* @__PURE__ */ standard.effect_internal_function(() => new Error().stack)?.includes("effect_internal_function") === true;
    internalCall = isNotOptimizedAway ? standard.effect_internal_function : forced.effect_internal_function;
    genConstructor = function* () {
    }.constructor;
  }
});

// node_modules/effect/dist/esm/Hash.js
var randomHashCache, symbol, hash, random, combine, optimize, isHash, number2, string, structureKeys, structure, array2, cached;
var init_Hash = __esm({
  "node_modules/effect/dist/esm/Hash.js"() {
    init_Function();
    init_GlobalValue();
    init_Predicate();
    init_Utils();
    randomHashCache = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Hash/randomHashCache"), () => /* @__PURE__ */ new WeakMap());
    symbol = /* @__PURE__ */ Symbol.for("effect/Hash");
    hash = (self) => {
      if (structuralRegionState.enabled === true) {
        return 0;
      }
      switch (typeof self) {
        case "number":
          return number2(self);
        case "bigint":
          return string(self.toString(10));
        case "boolean":
          return string(String(self));
        case "symbol":
          return string(String(self));
        case "string":
          return string(self);
        case "undefined":
          return string("undefined");
        case "function":
        case "object": {
          if (self === null) {
            return string("null");
          } else if (self instanceof Date) {
            if (Number.isNaN(self.getTime())) {
              return string("Invalid Date");
            }
            return hash(self.toISOString());
          } else if (self instanceof URL) {
            return hash(self.href);
          } else if (isHash(self)) {
            return self[symbol]();
          } else {
            return random(self);
          }
        }
        default:
          throw new Error(`BUG: unhandled typeof ${typeof self} - please report an issue at https://github.com/Effect-TS/effect/issues`);
      }
    };
    random = (self) => {
      if (!randomHashCache.has(self)) {
        randomHashCache.set(self, number2(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER)));
      }
      return randomHashCache.get(self);
    };
    combine = (b) => (self) => self * 53 ^ b;
    optimize = (n2) => n2 & 3221225471 | n2 >>> 1 & 1073741824;
    isHash = (u) => hasProperty(u, symbol);
    number2 = (n2) => {
      if (n2 !== n2 || n2 === Infinity) {
        return 0;
      }
      let h = n2 | 0;
      if (h !== n2) {
        h ^= n2 * 4294967295;
      }
      while (n2 > 4294967295) {
        h ^= n2 /= 4294967295;
      }
      return optimize(h);
    };
    string = (str) => {
      let h = 5381, i = str.length;
      while (i) {
        h = h * 33 ^ str.charCodeAt(--i);
      }
      return optimize(h);
    };
    structureKeys = (o, keys6) => {
      let h = 12289;
      for (let i = 0; i < keys6.length; i++) {
        h ^= pipe(string(keys6[i]), combine(hash(o[keys6[i]])));
      }
      return optimize(h);
    };
    structure = (o) => structureKeys(o, Object.keys(o));
    array2 = (arr) => {
      let h = 6151;
      for (let i = 0; i < arr.length; i++) {
        h = pipe(h, combine(hash(arr[i])));
      }
      return optimize(h);
    };
    cached = function() {
      if (arguments.length === 1) {
        const self2 = arguments[0];
        return function(hash3) {
          Object.defineProperty(self2, symbol, {
            value() {
              return hash3;
            },
            enumerable: false
          });
          return hash3;
        };
      }
      const self = arguments[0];
      const hash2 = arguments[1];
      Object.defineProperty(self, symbol, {
        value() {
          return hash2;
        },
        enumerable: false
      });
      return hash2;
    };
  }
});

// node_modules/effect/dist/esm/Equal.js
function equals() {
  if (arguments.length === 1) {
    return (self) => compareBoth(self, arguments[0]);
  }
  return compareBoth(arguments[0], arguments[1]);
}
function compareBoth(self, that) {
  if (self === that) {
    return true;
  }
  const selfType = typeof self;
  if (selfType !== typeof that) {
    return false;
  }
  if (selfType === "object" || selfType === "function") {
    if (self !== null && that !== null) {
      if (isEqual(self) && isEqual(that)) {
        if (hash(self) === hash(that) && self[symbol2](that)) {
          return true;
        } else {
          return structuralRegionState.enabled && structuralRegionState.tester ? structuralRegionState.tester(self, that) : false;
        }
      } else if (self instanceof Date && that instanceof Date) {
        const t12 = self.getTime();
        const t2 = that.getTime();
        return t12 === t2 || Number.isNaN(t12) && Number.isNaN(t2);
      } else if (self instanceof URL && that instanceof URL) {
        return self.href === that.href;
      }
    }
    if (structuralRegionState.enabled) {
      if (self === null || that === null) {
        return false;
      }
      if (Array.isArray(self) && Array.isArray(that)) {
        return self.length === that.length && self.every((v, i) => compareBoth(v, that[i]));
      }
      if (Object.getPrototypeOf(self) === Object.prototype && Object.getPrototypeOf(that) === Object.prototype) {
        const keysSelf = Object.keys(self);
        const keysThat = Object.keys(that);
        if (keysSelf.length === keysThat.length) {
          for (const key of keysSelf) {
            if (!(key in that && compareBoth(self[key], that[key]))) {
              return structuralRegionState.tester ? structuralRegionState.tester(self, that) : false;
            }
          }
          return true;
        }
      }
      return structuralRegionState.tester ? structuralRegionState.tester(self, that) : false;
    }
  }
  return structuralRegionState.enabled && structuralRegionState.tester ? structuralRegionState.tester(self, that) : false;
}
var symbol2, isEqual, equivalence;
var init_Equal = __esm({
  "node_modules/effect/dist/esm/Equal.js"() {
    init_Hash();
    init_Predicate();
    init_Utils();
    symbol2 = /* @__PURE__ */ Symbol.for("effect/Equal");
    isEqual = (u) => hasProperty(u, symbol2);
    equivalence = () => equals;
  }
});

// node_modules/effect/dist/esm/Inspectable.js
function formatDate(date) {
  try {
    return date.toISOString();
  } catch {
    return "Invalid Date";
  }
}
function safeToString(input) {
  try {
    const s = input.toString();
    return typeof s === "string" ? s : String(s);
  } catch {
    return "[toString threw]";
  }
}
function formatPropertyKey(name) {
  return isString(name) ? JSON.stringify(name) : String(name);
}
function formatUnknown(input, options3) {
  const space = options3?.space ?? 0;
  const seen = /* @__PURE__ */ new WeakSet();
  const gap = !space ? "" : isNumber(space) ? " ".repeat(space) : space;
  const ind = (d) => gap.repeat(d);
  const wrap = (v, body4) => {
    const ctor = v?.constructor;
    return ctor && ctor !== Object.prototype.constructor && ctor.name ? `${ctor.name}(${body4})` : body4;
  };
  const ownKeys = (o) => {
    try {
      return Reflect.ownKeys(o);
    } catch {
      return ["[ownKeys threw]"];
    }
  };
  function go2(v, d = 0) {
    if (Array.isArray(v)) {
      if (seen.has(v)) return CIRCULAR;
      seen.add(v);
      if (!gap || v.length <= 1) return `[${v.map((x) => go2(x, d)).join(",")}]`;
      const inner = v.map((x) => go2(x, d + 1)).join(",\n" + ind(d + 1));
      return `[
${ind(d + 1)}${inner}
${ind(d)}]`;
    }
    if (isDate(v)) return formatDate(v);
    if (!options3?.ignoreToString && hasProperty(v, "toString") && isFunction2(v["toString"]) && v["toString"] !== Object.prototype.toString && v["toString"] !== Array.prototype.toString) {
      const s = safeToString(v);
      if (v instanceof Error && v.cause) {
        return `${s} (cause: ${go2(v.cause, d)})`;
      }
      return s;
    }
    if (isString(v)) return JSON.stringify(v);
    if (isNumber(v) || v == null || isBoolean(v) || isSymbol(v)) return String(v);
    if (isBigInt(v)) return String(v) + "n";
    if (v instanceof Set || v instanceof Map) {
      if (seen.has(v)) return CIRCULAR;
      seen.add(v);
      return `${v.constructor.name}(${go2(Array.from(v), d)})`;
    }
    if (isObject(v)) {
      if (seen.has(v)) return CIRCULAR;
      seen.add(v);
      const keys6 = ownKeys(v);
      if (!gap || keys6.length <= 1) {
        const body5 = `{${keys6.map((k) => `${formatPropertyKey(k)}:${go2(v[k], d)}`).join(",")}}`;
        return wrap(v, body5);
      }
      const body4 = `{
${keys6.map((k) => `${ind(d + 1)}${formatPropertyKey(k)}: ${go2(v[k], d + 1)}`).join(",\n")}
${ind(d)}}`;
      return wrap(v, body4);
    }
    return String(v);
  }
  return go2(input, 0);
}
var NodeInspectSymbol, toJSON, CIRCULAR, format, BaseProto, Class, toStringUnknown, stringifyCircular, symbolRedactable, isRedactable, redactableState, withRedactableContext, redact;
var init_Inspectable = __esm({
  "node_modules/effect/dist/esm/Inspectable.js"() {
    init_GlobalValue();
    init_Predicate();
    NodeInspectSymbol = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
    toJSON = (x) => {
      try {
        if (hasProperty(x, "toJSON") && isFunction2(x["toJSON"]) && x["toJSON"].length === 0) {
          return x.toJSON();
        } else if (Array.isArray(x)) {
          return x.map(toJSON);
        }
      } catch {
        return {};
      }
      return redact(x);
    };
    CIRCULAR = "[Circular]";
    format = (x) => JSON.stringify(x, null, 2);
    BaseProto = {
      toJSON() {
        return toJSON(this);
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      toString() {
        return format(this.toJSON());
      }
    };
    Class = class {
      /**
       * @since 2.0.0
       */
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
      /**
       * @since 2.0.0
       */
      toString() {
        return format(this.toJSON());
      }
    };
    toStringUnknown = (u, whitespace = 2) => {
      if (typeof u === "string") {
        return u;
      }
      try {
        return typeof u === "object" ? stringifyCircular(u, whitespace) : String(u);
      } catch {
        return String(u);
      }
    };
    stringifyCircular = (obj, whitespace) => {
      let cache = [];
      const retVal = JSON.stringify(obj, (_key, value2) => typeof value2 === "object" && value2 !== null ? cache.includes(value2) ? void 0 : cache.push(value2) && (redactableState.fiberRefs !== void 0 && isRedactable(value2) ? value2[symbolRedactable](redactableState.fiberRefs) : value2) : value2, whitespace);
      cache = void 0;
      return retVal;
    };
    symbolRedactable = /* @__PURE__ */ Symbol.for("effect/Inspectable/Redactable");
    isRedactable = (u) => typeof u === "object" && u !== null && symbolRedactable in u;
    redactableState = /* @__PURE__ */ globalValue("effect/Inspectable/redactableState", () => ({
      fiberRefs: void 0
    }));
    withRedactableContext = (context5, f) => {
      const prev = redactableState.fiberRefs;
      redactableState.fiberRefs = context5;
      try {
        return f();
      } finally {
        redactableState.fiberRefs = prev;
      }
    };
    redact = (u) => {
      if (isRedactable(u) && redactableState.fiberRefs !== void 0) {
        return u[symbolRedactable](redactableState.fiberRefs);
      }
      return u;
    };
  }
});

// node_modules/effect/dist/esm/Pipeable.js
var pipeArguments;
var init_Pipeable = __esm({
  "node_modules/effect/dist/esm/Pipeable.js"() {
    pipeArguments = (self, args2) => {
      switch (args2.length) {
        case 0:
          return self;
        case 1:
          return args2[0](self);
        case 2:
          return args2[1](args2[0](self));
        case 3:
          return args2[2](args2[1](args2[0](self)));
        case 4:
          return args2[3](args2[2](args2[1](args2[0](self))));
        case 5:
          return args2[4](args2[3](args2[2](args2[1](args2[0](self)))));
        case 6:
          return args2[5](args2[4](args2[3](args2[2](args2[1](args2[0](self))))));
        case 7:
          return args2[6](args2[5](args2[4](args2[3](args2[2](args2[1](args2[0](self)))))));
        case 8:
          return args2[7](args2[6](args2[5](args2[4](args2[3](args2[2](args2[1](args2[0](self))))))));
        case 9:
          return args2[8](args2[7](args2[6](args2[5](args2[4](args2[3](args2[2](args2[1](args2[0](self)))))))));
        default: {
          let ret = self;
          for (let i = 0, len = args2.length; i < len; i++) {
            ret = args2[i](ret);
          }
          return ret;
        }
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/effect.js
var OP_ASYNC, OP_COMMIT, OP_FAILURE, OP_ON_FAILURE, OP_ON_SUCCESS, OP_ON_SUCCESS_AND_FAILURE, OP_SUCCESS, OP_SYNC, OP_TAG, OP_UPDATE_RUNTIME_FLAGS, OP_WHILE, OP_ITERATOR, OP_WITH_RUNTIME, OP_YIELD, OP_REVERT_FLAGS;
var init_effect = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/effect.js"() {
    OP_ASYNC = "Async";
    OP_COMMIT = "Commit";
    OP_FAILURE = "Failure";
    OP_ON_FAILURE = "OnFailure";
    OP_ON_SUCCESS = "OnSuccess";
    OP_ON_SUCCESS_AND_FAILURE = "OnSuccessAndFailure";
    OP_SUCCESS = "Success";
    OP_SYNC = "Sync";
    OP_TAG = "Tag";
    OP_UPDATE_RUNTIME_FLAGS = "UpdateRuntimeFlags";
    OP_WHILE = "While";
    OP_ITERATOR = "Iterator";
    OP_WITH_RUNTIME = "WithRuntime";
    OP_YIELD = "Yield";
    OP_REVERT_FLAGS = "RevertFlags";
  }
});

// node_modules/effect/dist/esm/internal/version.js
var moduleVersion, getCurrentVersion;
var init_version = __esm({
  "node_modules/effect/dist/esm/internal/version.js"() {
    moduleVersion = "3.22.4";
    getCurrentVersion = () => moduleVersion;
  }
});

// node_modules/effect/dist/esm/internal/effectable.js
var EffectTypeId, StreamTypeId, SinkTypeId, ChannelTypeId, effectVariance, sinkVariance, channelVariance, EffectPrototype, StructuralPrototype, CommitPrototype, StructuralCommitPrototype, Base;
var init_effectable = __esm({
  "node_modules/effect/dist/esm/internal/effectable.js"() {
    init_Equal();
    init_Hash();
    init_Pipeable();
    init_Utils();
    init_effect();
    init_version();
    EffectTypeId = /* @__PURE__ */ Symbol.for("effect/Effect");
    StreamTypeId = /* @__PURE__ */ Symbol.for("effect/Stream");
    SinkTypeId = /* @__PURE__ */ Symbol.for("effect/Sink");
    ChannelTypeId = /* @__PURE__ */ Symbol.for("effect/Channel");
    effectVariance = {
      /* c8 ignore next */
      _R: (_) => _,
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _A: (_) => _,
      _V: /* @__PURE__ */ getCurrentVersion()
    };
    sinkVariance = {
      /* c8 ignore next */
      _A: (_) => _,
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _L: (_) => _,
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    channelVariance = {
      /* c8 ignore next */
      _Env: (_) => _,
      /* c8 ignore next */
      _InErr: (_) => _,
      /* c8 ignore next */
      _InElem: (_) => _,
      /* c8 ignore next */
      _InDone: (_) => _,
      /* c8 ignore next */
      _OutErr: (_) => _,
      /* c8 ignore next */
      _OutElem: (_) => _,
      /* c8 ignore next */
      _OutDone: (_) => _
    };
    EffectPrototype = {
      [EffectTypeId]: effectVariance,
      [StreamTypeId]: effectVariance,
      [SinkTypeId]: sinkVariance,
      [ChannelTypeId]: channelVariance,
      [symbol2](that) {
        return this === that;
      },
      [symbol]() {
        return cached(this, random(this));
      },
      [Symbol.iterator]() {
        return new SingleShotGen(new YieldWrap(this));
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    StructuralPrototype = {
      [symbol]() {
        return cached(this, structure(this));
      },
      [symbol2](that) {
        const selfKeys = Object.keys(this);
        const thatKeys = Object.keys(that);
        if (selfKeys.length !== thatKeys.length) {
          return false;
        }
        for (const key of selfKeys) {
          if (!(key in that && equals(this[key], that[key]))) {
            return false;
          }
        }
        return true;
      }
    };
    CommitPrototype = {
      ...EffectPrototype,
      _op: OP_COMMIT
    };
    StructuralCommitPrototype = {
      ...CommitPrototype,
      ...StructuralPrototype
    };
    Base = /* @__PURE__ */ (function() {
      function Base3() {
      }
      Base3.prototype = CommitPrototype;
      return Base3;
    })();
  }
});

// node_modules/effect/dist/esm/internal/option.js
var TypeId, CommonProto, SomeProto, NoneHash, NoneProto, isOption, isNone, isSome, none, some;
var init_option = __esm({
  "node_modules/effect/dist/esm/internal/option.js"() {
    init_Equal();
    init_Hash();
    init_Inspectable();
    init_Predicate();
    init_effectable();
    TypeId = /* @__PURE__ */ Symbol.for("effect/Option");
    CommonProto = {
      ...EffectPrototype,
      [TypeId]: {
        _A: (_) => _
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      toString() {
        return format(this.toJSON());
      }
    };
    SomeProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(CommonProto), {
      _tag: "Some",
      _op: "Some",
      [symbol2](that) {
        return isOption(that) && isSome(that) && equals(this.value, that.value);
      },
      [symbol]() {
        return cached(this, combine(hash(this._tag))(hash(this.value)));
      },
      toJSON() {
        return {
          _id: "Option",
          _tag: this._tag,
          value: toJSON(this.value)
        };
      }
    });
    NoneHash = /* @__PURE__ */ hash("None");
    NoneProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(CommonProto), {
      _tag: "None",
      _op: "None",
      [symbol2](that) {
        return isOption(that) && isNone(that);
      },
      [symbol]() {
        return NoneHash;
      },
      toJSON() {
        return {
          _id: "Option",
          _tag: this._tag
        };
      }
    });
    isOption = (input) => hasProperty(input, TypeId);
    isNone = (fa) => fa._tag === "None";
    isSome = (fa) => fa._tag === "Some";
    none = /* @__PURE__ */ Object.create(NoneProto);
    some = (value2) => {
      const a = Object.create(SomeProto);
      a.value = value2;
      return a;
    };
  }
});

// node_modules/effect/dist/esm/internal/either.js
var TypeId2, CommonProto2, RightProto, LeftProto, isEither, isLeft, isRight, left, right, getRight;
var init_either = __esm({
  "node_modules/effect/dist/esm/internal/either.js"() {
    init_Equal();
    init_Hash();
    init_Inspectable();
    init_Predicate();
    init_effectable();
    init_option();
    TypeId2 = /* @__PURE__ */ Symbol.for("effect/Either");
    CommonProto2 = {
      ...EffectPrototype,
      [TypeId2]: {
        _R: (_) => _
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      toString() {
        return format(this.toJSON());
      }
    };
    RightProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(CommonProto2), {
      _tag: "Right",
      _op: "Right",
      [symbol2](that) {
        return isEither(that) && isRight(that) && equals(this.right, that.right);
      },
      [symbol]() {
        return combine(hash(this._tag))(hash(this.right));
      },
      toJSON() {
        return {
          _id: "Either",
          _tag: this._tag,
          right: toJSON(this.right)
        };
      }
    });
    LeftProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(CommonProto2), {
      _tag: "Left",
      _op: "Left",
      [symbol2](that) {
        return isEither(that) && isLeft(that) && equals(this.left, that.left);
      },
      [symbol]() {
        return combine(hash(this._tag))(hash(this.left));
      },
      toJSON() {
        return {
          _id: "Either",
          _tag: this._tag,
          left: toJSON(this.left)
        };
      }
    });
    isEither = (input) => hasProperty(input, TypeId2);
    isLeft = (ma) => ma._tag === "Left";
    isRight = (ma) => ma._tag === "Right";
    left = (left3) => {
      const a = Object.create(LeftProto);
      a.left = left3;
      return a;
    };
    right = (right3) => {
      const a = Object.create(RightProto);
      a.right = right3;
      return a;
    };
    getRight = (self) => isLeft(self) ? none : some(self.right);
  }
});

// node_modules/effect/dist/esm/Either.js
var right2, left2, isEither2, isLeft2, isRight2, mapLeft, map, match, merge, getOrThrowWith, getOrThrow;
var init_Either = __esm({
  "node_modules/effect/dist/esm/Either.js"() {
    init_Function();
    init_either();
    right2 = right;
    left2 = left;
    isEither2 = isEither;
    isLeft2 = isLeft;
    isRight2 = isRight;
    mapLeft = /* @__PURE__ */ dual(2, (self, f) => isLeft2(self) ? left2(f(self.left)) : right2(self.right));
    map = /* @__PURE__ */ dual(2, (self, f) => isRight2(self) ? right2(f(self.right)) : left2(self.left));
    match = /* @__PURE__ */ dual(2, (self, {
      onLeft,
      onRight
    }) => isLeft2(self) ? onLeft(self.left) : onRight(self.right));
    merge = /* @__PURE__ */ match({
      onLeft: identity,
      onRight: identity
    });
    getOrThrowWith = /* @__PURE__ */ dual(2, (self, onLeft) => {
      if (isRight2(self)) {
        return self.right;
      }
      throw onLeft(self.left);
    });
    getOrThrow = /* @__PURE__ */ getOrThrowWith(() => new Error("getOrThrow called on a Left"));
  }
});

// node_modules/effect/dist/esm/internal/array.js
var isNonEmptyArray;
var init_array = __esm({
  "node_modules/effect/dist/esm/internal/array.js"() {
    isNonEmptyArray = (self) => self.length > 0;
  }
});

// node_modules/effect/dist/esm/Order.js
var make2, number3, mapInput2, greaterThan;
var init_Order = __esm({
  "node_modules/effect/dist/esm/Order.js"() {
    init_Function();
    make2 = (compare2) => (self, that) => self === that ? 0 : compare2(self, that);
    number3 = /* @__PURE__ */ make2((self, that) => self < that ? -1 : 1);
    mapInput2 = /* @__PURE__ */ dual(2, (self, f) => make2((b1, b2) => self(f(b1), f(b2))));
    greaterThan = (O) => dual(2, (self, that) => O(self, that) === 1);
  }
});

// node_modules/effect/dist/esm/Option.js
var none2, some2, isNone2, isSome2, match2, getRight2, getOrElse, orElse, orElseSome, firstSomeOf, fromNullable, getOrUndefined, liftThrowable, getOrThrowWith2, getOrThrow2, map2, flatMap, flatMapNullable, containsWith, _equivalence, contains, exists, mergeWith;
var init_Option = __esm({
  "node_modules/effect/dist/esm/Option.js"() {
    init_Equal();
    init_Function();
    init_either();
    init_option();
    none2 = () => none;
    some2 = some;
    isNone2 = isNone;
    isSome2 = isSome;
    match2 = /* @__PURE__ */ dual(2, (self, {
      onNone,
      onSome
    }) => isNone2(self) ? onNone() : onSome(self.value));
    getRight2 = getRight;
    getOrElse = /* @__PURE__ */ dual(2, (self, onNone) => isNone2(self) ? onNone() : self.value);
    orElse = /* @__PURE__ */ dual(2, (self, that) => isNone2(self) ? that() : self);
    orElseSome = /* @__PURE__ */ dual(2, (self, onNone) => isNone2(self) ? some2(onNone()) : self);
    firstSomeOf = (collection) => {
      let out = none2();
      for (out of collection) {
        if (isSome2(out)) {
          return out;
        }
      }
      return out;
    };
    fromNullable = (nullableValue) => nullableValue == null ? none2() : some2(nullableValue);
    getOrUndefined = /* @__PURE__ */ getOrElse(constUndefined);
    liftThrowable = (f) => (...a) => {
      try {
        return some2(f(...a));
      } catch {
        return none2();
      }
    };
    getOrThrowWith2 = /* @__PURE__ */ dual(2, (self, onNone) => {
      if (isSome2(self)) {
        return self.value;
      }
      throw onNone();
    });
    getOrThrow2 = /* @__PURE__ */ getOrThrowWith2(() => new Error("getOrThrow called on a None"));
    map2 = /* @__PURE__ */ dual(2, (self, f) => isNone2(self) ? none2() : some2(f(self.value)));
    flatMap = /* @__PURE__ */ dual(2, (self, f) => isNone2(self) ? none2() : f(self.value));
    flatMapNullable = /* @__PURE__ */ dual(2, (self, f) => isNone2(self) ? none2() : fromNullable(f(self.value)));
    containsWith = (isEquivalent) => dual(2, (self, a) => isNone2(self) ? false : isEquivalent(self.value, a));
    _equivalence = /* @__PURE__ */ equivalence();
    contains = /* @__PURE__ */ containsWith(_equivalence);
    exists = /* @__PURE__ */ dual(2, (self, refinement) => isNone2(self) ? false : refinement(self.value));
    mergeWith = (f) => (o1, o2) => {
      if (isNone2(o1)) {
        return o2;
      } else if (isNone2(o2)) {
        return o1;
      }
      return some2(f(o1.value, o2.value));
    };
  }
});

// node_modules/effect/dist/esm/Tuple.js
var make3;
var init_Tuple = __esm({
  "node_modules/effect/dist/esm/Tuple.js"() {
    make3 = (...elements) => elements;
  }
});

// node_modules/effect/dist/esm/Record.js
var map3, keys;
var init_Record = __esm({
  "node_modules/effect/dist/esm/Record.js"() {
    init_Function();
    map3 = /* @__PURE__ */ dual(2, (self, f) => {
      const out = {
        ...self
      };
      for (const key of keys(self)) {
        out[key] = f(self[key], key);
      }
      return out;
    });
    keys = (self) => Object.keys(self);
  }
});

// node_modules/effect/dist/esm/Array.js
var allocate, makeBy, fromIterable, ensure, matchLeft, prepend, append, appendAll, isArray, isEmptyArray, isEmptyReadonlyArray, isNonEmptyArray2, isNonEmptyReadonlyArray, isOutOfBounds, clamp, get, unsafeGet, head, headNonEmpty, last, lastNonEmpty, tailNonEmpty, spanIndex, span, drop, reverse, sort, zip, zipWith, _equivalence2, splitAt, splitNonEmptyAt, copy, unionWith, union, empty, of, map4, flatMap2, flatten, filterMap, filter, reduce, unfold, getEquivalence, dedupeWith, dedupe, join;
var init_Array = __esm({
  "node_modules/effect/dist/esm/Array.js"() {
    init_Equal();
    init_Equivalence();
    init_Function();
    init_array();
    init_Option();
    init_Tuple();
    allocate = (n2) => new Array(n2);
    makeBy = /* @__PURE__ */ dual(2, (n2, f) => {
      const max5 = Math.max(1, Math.floor(n2));
      const out = new Array(max5);
      for (let i = 0; i < max5; i++) {
        out[i] = f(i);
      }
      return out;
    });
    fromIterable = (collection) => Array.isArray(collection) ? collection : Array.from(collection);
    ensure = (self) => Array.isArray(self) ? self : [self];
    matchLeft = /* @__PURE__ */ dual(2, (self, {
      onEmpty,
      onNonEmpty
    }) => isNonEmptyReadonlyArray(self) ? onNonEmpty(headNonEmpty(self), tailNonEmpty(self)) : onEmpty());
    prepend = /* @__PURE__ */ dual(2, (self, head7) => [head7, ...self]);
    append = /* @__PURE__ */ dual(2, (self, last5) => [...self, last5]);
    appendAll = /* @__PURE__ */ dual(2, (self, that) => fromIterable(self).concat(fromIterable(that)));
    isArray = Array.isArray;
    isEmptyArray = (self) => self.length === 0;
    isEmptyReadonlyArray = isEmptyArray;
    isNonEmptyArray2 = isNonEmptyArray;
    isNonEmptyReadonlyArray = isNonEmptyArray;
    isOutOfBounds = (i, as6) => i < 0 || i >= as6.length;
    clamp = (i, as6) => Math.floor(Math.min(Math.max(0, i), as6.length));
    get = /* @__PURE__ */ dual(2, (self, index) => {
      const i = Math.floor(index);
      return isOutOfBounds(i, self) ? none2() : some2(self[i]);
    });
    unsafeGet = /* @__PURE__ */ dual(2, (self, index) => {
      const i = Math.floor(index);
      if (isOutOfBounds(i, self)) {
        throw new Error(`Index ${i} out of bounds`);
      }
      return self[i];
    });
    head = /* @__PURE__ */ get(0);
    headNonEmpty = /* @__PURE__ */ unsafeGet(0);
    last = (self) => isNonEmptyReadonlyArray(self) ? some2(lastNonEmpty(self)) : none2();
    lastNonEmpty = (self) => self[self.length - 1];
    tailNonEmpty = (self) => self.slice(1);
    spanIndex = (self, predicate) => {
      let i = 0;
      for (const a of self) {
        if (!predicate(a, i)) {
          break;
        }
        i++;
      }
      return i;
    };
    span = /* @__PURE__ */ dual(2, (self, predicate) => splitAt(self, spanIndex(self, predicate)));
    drop = /* @__PURE__ */ dual(2, (self, n2) => {
      const input = fromIterable(self);
      return input.slice(clamp(n2, input), input.length);
    });
    reverse = (self) => Array.from(self).reverse();
    sort = /* @__PURE__ */ dual(2, (self, O) => {
      const out = Array.from(self);
      out.sort(O);
      return out;
    });
    zip = /* @__PURE__ */ dual(2, (self, that) => zipWith(self, that, make3));
    zipWith = /* @__PURE__ */ dual(3, (self, that, f) => {
      const as6 = fromIterable(self);
      const bs = fromIterable(that);
      if (isNonEmptyReadonlyArray(as6) && isNonEmptyReadonlyArray(bs)) {
        const out = [f(headNonEmpty(as6), headNonEmpty(bs))];
        const len = Math.min(as6.length, bs.length);
        for (let i = 1; i < len; i++) {
          out[i] = f(as6[i], bs[i]);
        }
        return out;
      }
      return [];
    });
    _equivalence2 = /* @__PURE__ */ equivalence();
    splitAt = /* @__PURE__ */ dual(2, (self, n2) => {
      const input = Array.from(self);
      const _n = Math.floor(n2);
      if (isNonEmptyReadonlyArray(input)) {
        if (_n >= 1) {
          return splitNonEmptyAt(input, _n);
        }
        return [[], input];
      }
      return [input, []];
    });
    splitNonEmptyAt = /* @__PURE__ */ dual(2, (self, n2) => {
      const _n = Math.max(1, Math.floor(n2));
      return _n >= self.length ? [copy(self), []] : [prepend(self.slice(1, _n), headNonEmpty(self)), self.slice(_n)];
    });
    copy = (self) => self.slice();
    unionWith = /* @__PURE__ */ dual(3, (self, that, isEquivalent) => {
      const a = fromIterable(self);
      const b = fromIterable(that);
      if (isNonEmptyReadonlyArray(a)) {
        if (isNonEmptyReadonlyArray(b)) {
          const dedupe2 = dedupeWith(isEquivalent);
          return dedupe2(appendAll(a, b));
        }
        return a;
      }
      return b;
    });
    union = /* @__PURE__ */ dual(2, (self, that) => unionWith(self, that, _equivalence2));
    empty = () => [];
    of = (a) => [a];
    map4 = /* @__PURE__ */ dual(2, (self, f) => self.map(f));
    flatMap2 = /* @__PURE__ */ dual(2, (self, f) => {
      if (isEmptyReadonlyArray(self)) {
        return [];
      }
      const out = [];
      for (let i = 0; i < self.length; i++) {
        const inner = f(self[i], i);
        for (let j = 0; j < inner.length; j++) {
          out.push(inner[j]);
        }
      }
      return out;
    });
    flatten = /* @__PURE__ */ flatMap2(identity);
    filterMap = /* @__PURE__ */ dual(2, (self, f) => {
      const as6 = fromIterable(self);
      const out = [];
      for (let i = 0; i < as6.length; i++) {
        const o = f(as6[i], i);
        if (isSome2(o)) {
          out.push(o.value);
        }
      }
      return out;
    });
    filter = /* @__PURE__ */ dual(2, (self, predicate) => {
      const as6 = fromIterable(self);
      const out = [];
      for (let i = 0; i < as6.length; i++) {
        if (predicate(as6[i], i)) {
          out.push(as6[i]);
        }
      }
      return out;
    });
    reduce = /* @__PURE__ */ dual(3, (self, b, f) => fromIterable(self).reduce((b2, a, i) => f(b2, a, i), b));
    unfold = (b, f) => {
      const out = [];
      let next = b;
      let o;
      while (isSome2(o = f(next))) {
        const [a, b2] = o.value;
        out.push(a);
        next = b2;
      }
      return out;
    };
    getEquivalence = array;
    dedupeWith = /* @__PURE__ */ dual(2, (self, isEquivalent) => {
      const input = fromIterable(self);
      if (isNonEmptyReadonlyArray(input)) {
        const out = [headNonEmpty(input)];
        const rest = tailNonEmpty(input);
        for (const r of rest) {
          if (out.every((a) => !isEquivalent(r, a))) {
            out.push(r);
          }
        }
        return out;
      }
      return [];
    });
    dedupe = (self) => dedupeWith(self, equivalence());
    join = /* @__PURE__ */ dual(2, (self, sep) => fromIterable(self).join(sep));
  }
});

// node_modules/effect/dist/esm/Chunk.js
function copy2(src, srcPos, dest, destPos, len) {
  for (let i = srcPos; i < Math.min(src.length, srcPos + len); i++) {
    dest[destPos + i - srcPos] = src[i];
  }
  return dest;
}
var TypeId3, emptyArray, getEquivalence2, _equivalence3, ChunkProto, makeChunk, isChunk, _empty, empty2, make4, of2, fromIterable2, copyToArray, toReadonlyArray_, toReadonlyArray, reverseChunk, reverse2, get2, unsafeFromArray, unsafeFromNonEmptyArray, unsafeGet2, append2, prepend2, take, drop2, appendAll2, filterMap2, filter2, isEmpty, isNonEmpty, head2, unsafeHead, headNonEmpty2, map5, splitAt2, splitWhere, tailNonEmpty2, takeWhile, reduce2;
var init_Chunk = __esm({
  "node_modules/effect/dist/esm/Chunk.js"() {
    init_Array();
    init_Equal();
    init_Equivalence();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Predicate();
    TypeId3 = /* @__PURE__ */ Symbol.for("effect/Chunk");
    emptyArray = [];
    getEquivalence2 = (isEquivalent) => make((self, that) => self.length === that.length && toReadonlyArray(self).every((value2, i) => isEquivalent(value2, unsafeGet2(that, i))));
    _equivalence3 = /* @__PURE__ */ getEquivalence2(equals);
    ChunkProto = {
      [TypeId3]: {
        _A: (_) => _
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "Chunk",
          values: toReadonlyArray(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      [symbol2](that) {
        return isChunk(that) && _equivalence3(this, that);
      },
      [symbol]() {
        return cached(this, array2(toReadonlyArray(this)));
      },
      [Symbol.iterator]() {
        switch (this.backing._tag) {
          case "IArray": {
            return this.backing.array[Symbol.iterator]();
          }
          case "IEmpty": {
            return emptyArray[Symbol.iterator]();
          }
          default: {
            return toReadonlyArray(this)[Symbol.iterator]();
          }
        }
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeChunk = (backing) => {
      const chunk3 = Object.create(ChunkProto);
      chunk3.backing = backing;
      switch (backing._tag) {
        case "IEmpty": {
          chunk3.length = 0;
          chunk3.depth = 0;
          chunk3.left = chunk3;
          chunk3.right = chunk3;
          break;
        }
        case "IConcat": {
          chunk3.length = backing.left.length + backing.right.length;
          chunk3.depth = 1 + Math.max(backing.left.depth, backing.right.depth);
          chunk3.left = backing.left;
          chunk3.right = backing.right;
          break;
        }
        case "IArray": {
          chunk3.length = backing.array.length;
          chunk3.depth = 0;
          chunk3.left = _empty;
          chunk3.right = _empty;
          break;
        }
        case "ISingleton": {
          chunk3.length = 1;
          chunk3.depth = 0;
          chunk3.left = _empty;
          chunk3.right = _empty;
          break;
        }
        case "ISlice": {
          chunk3.length = backing.length;
          chunk3.depth = backing.chunk.depth + 1;
          chunk3.left = _empty;
          chunk3.right = _empty;
          break;
        }
      }
      return chunk3;
    };
    isChunk = (u) => hasProperty(u, TypeId3);
    _empty = /* @__PURE__ */ makeChunk({
      _tag: "IEmpty"
    });
    empty2 = () => _empty;
    make4 = (...as6) => unsafeFromNonEmptyArray(as6);
    of2 = (a) => makeChunk({
      _tag: "ISingleton",
      a
    });
    fromIterable2 = (self) => isChunk(self) ? self : unsafeFromArray(fromIterable(self));
    copyToArray = (self, array4, initial) => {
      switch (self.backing._tag) {
        case "IArray": {
          copy2(self.backing.array, 0, array4, initial, self.length);
          break;
        }
        case "IConcat": {
          copyToArray(self.left, array4, initial);
          copyToArray(self.right, array4, initial + self.left.length);
          break;
        }
        case "ISingleton": {
          array4[initial] = self.backing.a;
          break;
        }
        case "ISlice": {
          let i = 0;
          let j = initial;
          while (i < self.length) {
            array4[j] = unsafeGet2(self, i);
            i += 1;
            j += 1;
          }
          break;
        }
      }
    };
    toReadonlyArray_ = (self) => {
      switch (self.backing._tag) {
        case "IEmpty": {
          return emptyArray;
        }
        case "IArray": {
          return self.backing.array;
        }
        default: {
          const arr = new Array(self.length);
          copyToArray(self, arr, 0);
          self.backing = {
            _tag: "IArray",
            array: arr
          };
          self.left = _empty;
          self.right = _empty;
          self.depth = 0;
          return arr;
        }
      }
    };
    toReadonlyArray = toReadonlyArray_;
    reverseChunk = (self) => {
      switch (self.backing._tag) {
        case "IEmpty":
        case "ISingleton":
          return self;
        case "IArray": {
          return makeChunk({
            _tag: "IArray",
            array: reverse(self.backing.array)
          });
        }
        case "IConcat": {
          return makeChunk({
            _tag: "IConcat",
            left: reverse2(self.backing.right),
            right: reverse2(self.backing.left)
          });
        }
        case "ISlice":
          return unsafeFromArray(reverse(toReadonlyArray(self)));
      }
    };
    reverse2 = reverseChunk;
    get2 = /* @__PURE__ */ dual(2, (self, index) => index < 0 || index >= self.length ? none2() : some2(unsafeGet2(self, index)));
    unsafeFromArray = (self) => self.length === 0 ? empty2() : self.length === 1 ? of2(self[0]) : makeChunk({
      _tag: "IArray",
      array: self
    });
    unsafeFromNonEmptyArray = (self) => unsafeFromArray(self);
    unsafeGet2 = /* @__PURE__ */ dual(2, (self, index) => {
      switch (self.backing._tag) {
        case "IEmpty": {
          throw new Error(`Index out of bounds`);
        }
        case "ISingleton": {
          if (index !== 0) {
            throw new Error(`Index out of bounds`);
          }
          return self.backing.a;
        }
        case "IArray": {
          if (index >= self.length || index < 0) {
            throw new Error(`Index out of bounds`);
          }
          return self.backing.array[index];
        }
        case "IConcat": {
          return index < self.left.length ? unsafeGet2(self.left, index) : unsafeGet2(self.right, index - self.left.length);
        }
        case "ISlice": {
          return unsafeGet2(self.backing.chunk, index + self.backing.offset);
        }
      }
    });
    append2 = /* @__PURE__ */ dual(2, (self, a) => appendAll2(self, of2(a)));
    prepend2 = /* @__PURE__ */ dual(2, (self, elem) => appendAll2(of2(elem), self));
    take = /* @__PURE__ */ dual(2, (self, n2) => {
      if (n2 <= 0) {
        return _empty;
      } else if (n2 >= self.length) {
        return self;
      } else {
        switch (self.backing._tag) {
          case "ISlice": {
            return makeChunk({
              _tag: "ISlice",
              chunk: self.backing.chunk,
              length: n2,
              offset: self.backing.offset
            });
          }
          case "IConcat": {
            if (n2 > self.left.length) {
              return makeChunk({
                _tag: "IConcat",
                left: self.left,
                right: take(self.right, n2 - self.left.length)
              });
            }
            return take(self.left, n2);
          }
          default: {
            return makeChunk({
              _tag: "ISlice",
              chunk: self,
              offset: 0,
              length: n2
            });
          }
        }
      }
    });
    drop2 = /* @__PURE__ */ dual(2, (self, n2) => {
      if (n2 <= 0) {
        return self;
      } else if (n2 >= self.length) {
        return _empty;
      } else {
        switch (self.backing._tag) {
          case "ISlice": {
            return makeChunk({
              _tag: "ISlice",
              chunk: self.backing.chunk,
              offset: self.backing.offset + n2,
              length: self.backing.length - n2
            });
          }
          case "IConcat": {
            if (n2 > self.left.length) {
              return drop2(self.right, n2 - self.left.length);
            }
            return makeChunk({
              _tag: "IConcat",
              left: drop2(self.left, n2),
              right: self.right
            });
          }
          default: {
            return makeChunk({
              _tag: "ISlice",
              chunk: self,
              offset: n2,
              length: self.length - n2
            });
          }
        }
      }
    });
    appendAll2 = /* @__PURE__ */ dual(2, (self, that) => {
      if (self.backing._tag === "IEmpty") {
        return that;
      }
      if (that.backing._tag === "IEmpty") {
        return self;
      }
      const diff8 = that.depth - self.depth;
      if (Math.abs(diff8) <= 1) {
        return makeChunk({
          _tag: "IConcat",
          left: self,
          right: that
        });
      } else if (diff8 < -1) {
        if (self.left.depth >= self.right.depth) {
          const nr = appendAll2(self.right, that);
          return makeChunk({
            _tag: "IConcat",
            left: self.left,
            right: nr
          });
        } else {
          const nrr = appendAll2(self.right.right, that);
          if (nrr.depth === self.depth - 3) {
            const nr = makeChunk({
              _tag: "IConcat",
              left: self.right.left,
              right: nrr
            });
            return makeChunk({
              _tag: "IConcat",
              left: self.left,
              right: nr
            });
          } else {
            const nl = makeChunk({
              _tag: "IConcat",
              left: self.left,
              right: self.right.left
            });
            return makeChunk({
              _tag: "IConcat",
              left: nl,
              right: nrr
            });
          }
        }
      } else {
        if (that.right.depth >= that.left.depth) {
          const nl = appendAll2(self, that.left);
          return makeChunk({
            _tag: "IConcat",
            left: nl,
            right: that.right
          });
        } else {
          const nll = appendAll2(self, that.left.left);
          if (nll.depth === that.depth - 3) {
            const nl = makeChunk({
              _tag: "IConcat",
              left: nll,
              right: that.left.right
            });
            return makeChunk({
              _tag: "IConcat",
              left: nl,
              right: that.right
            });
          } else {
            const nr = makeChunk({
              _tag: "IConcat",
              left: that.left.right,
              right: that.right
            });
            return makeChunk({
              _tag: "IConcat",
              left: nll,
              right: nr
            });
          }
        }
      }
    });
    filterMap2 = /* @__PURE__ */ dual(2, (self, f) => unsafeFromArray(filterMap(self, f)));
    filter2 = /* @__PURE__ */ dual(2, (self, predicate) => unsafeFromArray(filter(self, predicate)));
    isEmpty = (self) => self.length === 0;
    isNonEmpty = (self) => self.length > 0;
    head2 = /* @__PURE__ */ get2(0);
    unsafeHead = (self) => unsafeGet2(self, 0);
    headNonEmpty2 = unsafeHead;
    map5 = /* @__PURE__ */ dual(2, (self, f) => self.backing._tag === "ISingleton" ? of2(f(self.backing.a, 0)) : unsafeFromArray(pipe(toReadonlyArray(self), map4((a, i) => f(a, i)))));
    splitAt2 = /* @__PURE__ */ dual(2, (self, n2) => [take(self, n2), drop2(self, n2)]);
    splitWhere = /* @__PURE__ */ dual(2, (self, predicate) => {
      let i = 0;
      for (const a of toReadonlyArray(self)) {
        if (predicate(a)) {
          break;
        } else {
          i++;
        }
      }
      return splitAt2(self, i);
    });
    tailNonEmpty2 = (self) => drop2(self, 1);
    takeWhile = /* @__PURE__ */ dual(2, (self, predicate) => {
      const out = [];
      for (const a of toReadonlyArray(self)) {
        if (predicate(a)) {
          out.push(a);
        } else {
          break;
        }
      }
      return unsafeFromArray(out);
    });
    reduce2 = reduce;
  }
});

// node_modules/effect/dist/esm/internal/hashMap/config.js
var SIZE, BUCKET_SIZE, MASK, MAX_INDEX_NODE, MIN_ARRAY_NODE;
var init_config = __esm({
  "node_modules/effect/dist/esm/internal/hashMap/config.js"() {
    SIZE = 5;
    BUCKET_SIZE = /* @__PURE__ */ Math.pow(2, SIZE);
    MASK = BUCKET_SIZE - 1;
    MAX_INDEX_NODE = BUCKET_SIZE / 2;
    MIN_ARRAY_NODE = BUCKET_SIZE / 4;
  }
});

// node_modules/effect/dist/esm/internal/hashMap/bitwise.js
function popcount(x) {
  x -= x >> 1 & 1431655765;
  x = (x & 858993459) + (x >> 2 & 858993459);
  x = x + (x >> 4) & 252645135;
  x += x >> 8;
  x += x >> 16;
  return x & 127;
}
function hashFragment(shift2, h) {
  return h >>> shift2 & MASK;
}
function toBitmap(x) {
  return 1 << x;
}
function fromBitmap(bitmap, bit) {
  return popcount(bitmap & bit - 1);
}
var init_bitwise = __esm({
  "node_modules/effect/dist/esm/internal/hashMap/bitwise.js"() {
    init_config();
  }
});

// node_modules/effect/dist/esm/internal/stack.js
var make5;
var init_stack = __esm({
  "node_modules/effect/dist/esm/internal/stack.js"() {
    make5 = (value2, previous) => ({
      value: value2,
      previous
    });
  }
});

// node_modules/effect/dist/esm/internal/hashMap/array.js
function arrayUpdate(mutate3, at, v, arr) {
  let out = arr;
  if (!mutate3) {
    const len = arr.length;
    out = new Array(len);
    for (let i = 0; i < len; ++i) out[i] = arr[i];
  }
  out[at] = v;
  return out;
}
function arraySpliceOut(mutate3, at, arr) {
  const newLen = arr.length - 1;
  let i = 0;
  let g = 0;
  let out = arr;
  if (mutate3) {
    i = g = at;
  } else {
    out = new Array(newLen);
    while (i < at) out[g++] = arr[i++];
  }
  ++i;
  while (i <= newLen) out[g++] = arr[i++];
  if (mutate3) {
    out.length = newLen;
  }
  return out;
}
function arraySpliceIn(mutate3, at, v, arr) {
  const len = arr.length;
  if (mutate3) {
    let i2 = len;
    while (i2 >= at) arr[i2--] = arr[i2];
    arr[at] = v;
    return arr;
  }
  let i = 0, g = 0;
  const out = new Array(len + 1);
  while (i < at) out[g++] = arr[i++];
  out[at] = v;
  while (i < len) out[++g] = arr[i++];
  return out;
}
var init_array2 = __esm({
  "node_modules/effect/dist/esm/internal/hashMap/array.js"() {
  }
});

// node_modules/effect/dist/esm/internal/hashMap/node.js
function isEmptyNode(a) {
  return isTagged(a, "EmptyNode");
}
function isLeafNode(node) {
  return isEmptyNode(node) || node._tag === "LeafNode" || node._tag === "CollisionNode";
}
function canEditNode(node, edit) {
  return isEmptyNode(node) ? false : edit === node.edit;
}
function pack(edit, count2, removed, elements) {
  const children2 = new Array(count2 - 1);
  let g = 0;
  let bitmap = 0;
  for (let i = 0, len = elements.length; i < len; ++i) {
    if (i !== removed) {
      const elem = elements[i];
      if (elem && !isEmptyNode(elem)) {
        children2[g++] = elem;
        bitmap |= 1 << i;
      }
    }
  }
  return new IndexedNode(edit, bitmap, children2);
}
function expand(edit, frag, child, bitmap, subNodes) {
  const arr = [];
  let bit = bitmap;
  let count2 = 0;
  for (let i = 0; bit; ++i) {
    if (bit & 1) arr[i] = subNodes[count2++];
    bit >>>= 1;
  }
  arr[frag] = child;
  return new ArrayNode(edit, count2 + 1, arr);
}
function mergeLeavesInner(edit, shift2, h1, n1, h2, n2) {
  if (h1 === h2) return new CollisionNode(edit, h1, [n2, n1]);
  const subH1 = hashFragment(shift2, h1);
  const subH2 = hashFragment(shift2, h2);
  if (subH1 === subH2) {
    return (child) => new IndexedNode(edit, toBitmap(subH1) | toBitmap(subH2), [child]);
  } else {
    const children2 = subH1 < subH2 ? [n1, n2] : [n2, n1];
    return new IndexedNode(edit, toBitmap(subH1) | toBitmap(subH2), children2);
  }
}
function mergeLeaves(edit, shift2, h1, n1, h2, n2) {
  let stack = void 0;
  let currentShift = shift2;
  while (true) {
    const res = mergeLeavesInner(edit, currentShift, h1, n1, h2, n2);
    if (typeof res === "function") {
      stack = make5(res, stack);
      currentShift = currentShift + SIZE;
    } else {
      let final = res;
      while (stack != null) {
        final = stack.value(final);
        stack = stack.previous;
      }
      return final;
    }
  }
}
var EmptyNode, LeafNode, CollisionNode, IndexedNode, ArrayNode;
var init_node = __esm({
  "node_modules/effect/dist/esm/internal/hashMap/node.js"() {
    init_Equal();
    init_Option();
    init_Predicate();
    init_stack();
    init_array2();
    init_bitwise();
    init_config();
    EmptyNode = class _EmptyNode {
      _tag = "EmptyNode";
      modify(edit, _shift, f, hash2, key, size11) {
        const v = f(none2());
        if (isNone2(v)) return new _EmptyNode();
        ++size11.value;
        return new LeafNode(edit, hash2, key, v);
      }
    };
    LeafNode = class _LeafNode {
      edit;
      hash;
      key;
      value;
      _tag = "LeafNode";
      constructor(edit, hash2, key, value2) {
        this.edit = edit;
        this.hash = hash2;
        this.key = key;
        this.value = value2;
      }
      modify(edit, shift2, f, hash2, key, size11) {
        if (equals(key, this.key)) {
          const v2 = f(this.value);
          if (v2 === this.value) return this;
          else if (isNone2(v2)) {
            --size11.value;
            return new EmptyNode();
          }
          if (canEditNode(this, edit)) {
            this.value = v2;
            return this;
          }
          return new _LeafNode(edit, hash2, key, v2);
        }
        const v = f(none2());
        if (isNone2(v)) return this;
        ++size11.value;
        return mergeLeaves(edit, shift2, this.hash, this, hash2, new _LeafNode(edit, hash2, key, v));
      }
    };
    CollisionNode = class _CollisionNode {
      edit;
      hash;
      children;
      _tag = "CollisionNode";
      constructor(edit, hash2, children2) {
        this.edit = edit;
        this.hash = hash2;
        this.children = children2;
      }
      modify(edit, shift2, f, hash2, key, size11) {
        if (hash2 === this.hash) {
          const canEdit = canEditNode(this, edit);
          const list = this.updateCollisionList(canEdit, edit, this.hash, this.children, f, key, size11);
          if (list === this.children) return this;
          return list.length > 1 ? new _CollisionNode(edit, this.hash, list) : list[0];
        }
        const v = f(none2());
        if (isNone2(v)) return this;
        ++size11.value;
        return mergeLeaves(edit, shift2, this.hash, this, hash2, new LeafNode(edit, hash2, key, v));
      }
      updateCollisionList(mutate3, edit, hash2, list, f, key, size11) {
        const len = list.length;
        for (let i = 0; i < len; ++i) {
          const child = list[i];
          if ("key" in child && equals(key, child.key)) {
            const value2 = child.value;
            const newValue2 = f(value2);
            if (newValue2 === value2) return list;
            if (isNone2(newValue2)) {
              --size11.value;
              return arraySpliceOut(mutate3, i, list);
            }
            return arrayUpdate(mutate3, i, new LeafNode(edit, hash2, key, newValue2), list);
          }
        }
        const newValue = f(none2());
        if (isNone2(newValue)) return list;
        ++size11.value;
        return arrayUpdate(mutate3, len, new LeafNode(edit, hash2, key, newValue), list);
      }
    };
    IndexedNode = class _IndexedNode {
      edit;
      mask;
      children;
      _tag = "IndexedNode";
      constructor(edit, mask, children2) {
        this.edit = edit;
        this.mask = mask;
        this.children = children2;
      }
      modify(edit, shift2, f, hash2, key, size11) {
        const mask = this.mask;
        const children2 = this.children;
        const frag = hashFragment(shift2, hash2);
        const bit = toBitmap(frag);
        const indx = fromBitmap(mask, bit);
        const exists3 = mask & bit;
        const canEdit = canEditNode(this, edit);
        if (!exists3) {
          const _newChild = new EmptyNode().modify(edit, shift2 + SIZE, f, hash2, key, size11);
          if (!_newChild) return this;
          return children2.length >= MAX_INDEX_NODE ? expand(edit, frag, _newChild, mask, children2) : new _IndexedNode(edit, mask | bit, arraySpliceIn(canEdit, indx, _newChild, children2));
        }
        const current = children2[indx];
        const child = current.modify(edit, shift2 + SIZE, f, hash2, key, size11);
        if (current === child) return this;
        let bitmap = mask;
        let newChildren;
        if (isEmptyNode(child)) {
          bitmap &= ~bit;
          if (!bitmap) return new EmptyNode();
          if (children2.length <= 2 && isLeafNode(children2[indx ^ 1])) {
            return children2[indx ^ 1];
          }
          newChildren = arraySpliceOut(canEdit, indx, children2);
        } else {
          newChildren = arrayUpdate(canEdit, indx, child, children2);
        }
        if (canEdit) {
          this.mask = bitmap;
          this.children = newChildren;
          return this;
        }
        return new _IndexedNode(edit, bitmap, newChildren);
      }
    };
    ArrayNode = class _ArrayNode {
      edit;
      size;
      children;
      _tag = "ArrayNode";
      constructor(edit, size11, children2) {
        this.edit = edit;
        this.size = size11;
        this.children = children2;
      }
      modify(edit, shift2, f, hash2, key, size11) {
        let count2 = this.size;
        const children2 = this.children;
        const frag = hashFragment(shift2, hash2);
        const child = children2[frag];
        const newChild = (child || new EmptyNode()).modify(edit, shift2 + SIZE, f, hash2, key, size11);
        if (child === newChild) return this;
        const canEdit = canEditNode(this, edit);
        let newChildren;
        if (isEmptyNode(child) && !isEmptyNode(newChild)) {
          ++count2;
          newChildren = arrayUpdate(canEdit, frag, newChild, children2);
        } else if (!isEmptyNode(child) && isEmptyNode(newChild)) {
          --count2;
          if (count2 <= MIN_ARRAY_NODE) {
            return pack(edit, count2, frag, children2);
          }
          newChildren = arrayUpdate(canEdit, frag, new EmptyNode(), children2);
        } else {
          newChildren = arrayUpdate(canEdit, frag, newChild, children2);
        }
        if (canEdit) {
          this.size = count2;
          this.children = newChildren;
          return this;
        }
        return new _ArrayNode(edit, count2, newChildren);
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/hashMap.js
var HashMapSymbolKey, HashMapTypeId, HashMapProto, makeImpl, HashMapIterator, applyCont, visitLazy, visitLazyChildren, _empty2, empty3, fromIterable3, isHashMap, isEmpty2, get3, getHash, has, set, setTree, keys2, size, beginMutation, endMutation, modifyAt, modifyHash, remove2, map6, forEach, reduce3;
var init_hashMap = __esm({
  "node_modules/effect/dist/esm/internal/hashMap.js"() {
    init_Equal();
    init_Function();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_bitwise();
    init_config();
    init_node();
    HashMapSymbolKey = "effect/HashMap";
    HashMapTypeId = /* @__PURE__ */ Symbol.for(HashMapSymbolKey);
    HashMapProto = {
      [HashMapTypeId]: HashMapTypeId,
      [Symbol.iterator]() {
        return new HashMapIterator(this, (k, v) => [k, v]);
      },
      [symbol]() {
        let hash2 = hash(HashMapSymbolKey);
        for (const item of this) {
          hash2 ^= pipe(hash(item[0]), combine(hash(item[1])));
        }
        return cached(this, hash2);
      },
      [symbol2](that) {
        if (isHashMap(that)) {
          if (that._size !== this._size) {
            return false;
          }
          for (const item of this) {
            const elem = pipe(that, getHash(item[0], hash(item[0])));
            if (isNone2(elem)) {
              return false;
            } else {
              if (!equals(item[1], elem.value)) {
                return false;
              }
            }
          }
          return true;
        }
        return false;
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "HashMap",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeImpl = (editable, edit, root, size11) => {
      const map22 = Object.create(HashMapProto);
      map22._editable = editable;
      map22._edit = edit;
      map22._root = root;
      map22._size = size11;
      return map22;
    };
    HashMapIterator = class _HashMapIterator {
      map;
      f;
      v;
      constructor(map22, f) {
        this.map = map22;
        this.f = f;
        this.v = visitLazy(this.map._root, this.f, void 0);
      }
      next() {
        if (isNone2(this.v)) {
          return {
            done: true,
            value: void 0
          };
        }
        const v0 = this.v.value;
        this.v = applyCont(v0.cont);
        return {
          done: false,
          value: v0.value
        };
      }
      [Symbol.iterator]() {
        return new _HashMapIterator(this.map, this.f);
      }
    };
    applyCont = (cont) => cont ? visitLazyChildren(cont[0], cont[1], cont[2], cont[3], cont[4]) : none2();
    visitLazy = (node, f, cont = void 0) => {
      switch (node._tag) {
        case "LeafNode": {
          if (isSome2(node.value)) {
            return some2({
              value: f(node.key, node.value.value),
              cont
            });
          }
          return applyCont(cont);
        }
        case "CollisionNode":
        case "ArrayNode":
        case "IndexedNode": {
          const children2 = node.children;
          return visitLazyChildren(children2.length, children2, 0, f, cont);
        }
        default: {
          return applyCont(cont);
        }
      }
    };
    visitLazyChildren = (len, children2, i, f, cont) => {
      while (i < len) {
        const child = children2[i++];
        if (child && !isEmptyNode(child)) {
          return visitLazy(child, f, [len, children2, i, f, cont]);
        }
      }
      return applyCont(cont);
    };
    _empty2 = /* @__PURE__ */ makeImpl(false, 0, /* @__PURE__ */ new EmptyNode(), 0);
    empty3 = () => _empty2;
    fromIterable3 = (entries2) => {
      const map22 = beginMutation(empty3());
      for (const entry of entries2) {
        set(map22, entry[0], entry[1]);
      }
      return endMutation(map22);
    };
    isHashMap = (u) => hasProperty(u, HashMapTypeId);
    isEmpty2 = (self) => self && isEmptyNode(self._root);
    get3 = /* @__PURE__ */ dual(2, (self, key) => getHash(self, key, hash(key)));
    getHash = /* @__PURE__ */ dual(3, (self, key, hash2) => {
      let node = self._root;
      let shift2 = 0;
      while (true) {
        switch (node._tag) {
          case "LeafNode": {
            return equals(key, node.key) ? node.value : none2();
          }
          case "CollisionNode": {
            if (hash2 === node.hash) {
              const children2 = node.children;
              for (let i = 0, len = children2.length; i < len; ++i) {
                const child = children2[i];
                if ("key" in child && equals(key, child.key)) {
                  return child.value;
                }
              }
            }
            return none2();
          }
          case "IndexedNode": {
            const frag = hashFragment(shift2, hash2);
            const bit = toBitmap(frag);
            if (node.mask & bit) {
              node = node.children[fromBitmap(node.mask, bit)];
              shift2 += SIZE;
              break;
            }
            return none2();
          }
          case "ArrayNode": {
            node = node.children[hashFragment(shift2, hash2)];
            if (node) {
              shift2 += SIZE;
              break;
            }
            return none2();
          }
          default:
            return none2();
        }
      }
    });
    has = /* @__PURE__ */ dual(2, (self, key) => isSome2(getHash(self, key, hash(key))));
    set = /* @__PURE__ */ dual(3, (self, key, value2) => modifyAt(self, key, () => some2(value2)));
    setTree = /* @__PURE__ */ dual(3, (self, newRoot, newSize) => {
      if (self._editable) {
        ;
        self._root = newRoot;
        self._size = newSize;
        return self;
      }
      return newRoot === self._root ? self : makeImpl(self._editable, self._edit, newRoot, newSize);
    });
    keys2 = (self) => new HashMapIterator(self, (key) => key);
    size = (self) => self._size;
    beginMutation = (self) => makeImpl(true, self._edit + 1, self._root, self._size);
    endMutation = (self) => {
      ;
      self._editable = false;
      return self;
    };
    modifyAt = /* @__PURE__ */ dual(3, (self, key, f) => modifyHash(self, key, hash(key), f));
    modifyHash = /* @__PURE__ */ dual(4, (self, key, hash2, f) => {
      const size11 = {
        value: self._size
      };
      const newRoot = self._root.modify(self._editable ? self._edit : NaN, 0, f, hash2, key, size11);
      return pipe(self, setTree(newRoot, size11.value));
    });
    remove2 = /* @__PURE__ */ dual(2, (self, key) => modifyAt(self, key, none2));
    map6 = /* @__PURE__ */ dual(2, (self, f) => reduce3(self, empty3(), (map22, value2, key) => set(map22, key, f(value2, key))));
    forEach = /* @__PURE__ */ dual(2, (self, f) => reduce3(self, void 0, (_, value2, key) => f(value2, key)));
    reduce3 = /* @__PURE__ */ dual(3, (self, zero2, f) => {
      const root = self._root;
      if (root._tag === "LeafNode") {
        return isSome2(root.value) ? f(zero2, root.value.value, root.key) : zero2;
      }
      if (root._tag === "EmptyNode") {
        return zero2;
      }
      const toVisit = [root.children];
      let children2;
      while (children2 = toVisit.pop()) {
        for (let i = 0, len = children2.length; i < len; ) {
          const child = children2[i++];
          if (child && !isEmptyNode(child)) {
            if (child._tag === "LeafNode") {
              if (isSome2(child.value)) {
                zero2 = f(zero2, child.value.value, child.key);
              }
            } else {
              toVisit.push(child.children);
            }
          }
        }
      }
      return zero2;
    });
  }
});

// node_modules/effect/dist/esm/internal/hashSet.js
var HashSetSymbolKey, HashSetTypeId, HashSetProto, makeImpl2, isHashSet, _empty3, empty4, fromIterable4, make6, has2, size2, beginMutation2, endMutation2, mutate, add, remove3, difference2, union2, forEach2, reduce4;
var init_hashSet = __esm({
  "node_modules/effect/dist/esm/internal/hashSet.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    init_hashMap();
    HashSetSymbolKey = "effect/HashSet";
    HashSetTypeId = /* @__PURE__ */ Symbol.for(HashSetSymbolKey);
    HashSetProto = {
      [HashSetTypeId]: HashSetTypeId,
      [Symbol.iterator]() {
        return keys2(this._keyMap);
      },
      [symbol]() {
        return cached(this, combine(hash(this._keyMap))(hash(HashSetSymbolKey)));
      },
      [symbol2](that) {
        if (isHashSet(that)) {
          return size(this._keyMap) === size(that._keyMap) && equals(this._keyMap, that._keyMap);
        }
        return false;
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "HashSet",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeImpl2 = (keyMap) => {
      const set10 = Object.create(HashSetProto);
      set10._keyMap = keyMap;
      return set10;
    };
    isHashSet = (u) => hasProperty(u, HashSetTypeId);
    _empty3 = /* @__PURE__ */ makeImpl2(/* @__PURE__ */ empty3());
    empty4 = () => _empty3;
    fromIterable4 = (elements) => {
      const set10 = beginMutation2(empty4());
      for (const value2 of elements) {
        add(set10, value2);
      }
      return endMutation2(set10);
    };
    make6 = (...elements) => {
      const set10 = beginMutation2(empty4());
      for (const value2 of elements) {
        add(set10, value2);
      }
      return endMutation2(set10);
    };
    has2 = /* @__PURE__ */ dual(2, (self, value2) => has(self._keyMap, value2));
    size2 = (self) => size(self._keyMap);
    beginMutation2 = (self) => makeImpl2(beginMutation(self._keyMap));
    endMutation2 = (self) => {
      ;
      self._keyMap._editable = false;
      return self;
    };
    mutate = /* @__PURE__ */ dual(2, (self, f) => {
      const transient = beginMutation2(self);
      f(transient);
      return endMutation2(transient);
    });
    add = /* @__PURE__ */ dual(2, (self, value2) => self._keyMap._editable ? (set(value2, true)(self._keyMap), self) : makeImpl2(set(value2, true)(self._keyMap)));
    remove3 = /* @__PURE__ */ dual(2, (self, value2) => self._keyMap._editable ? (remove2(value2)(self._keyMap), self) : makeImpl2(remove2(value2)(self._keyMap)));
    difference2 = /* @__PURE__ */ dual(2, (self, that) => mutate(self, (set10) => {
      for (const value2 of that) {
        remove3(set10, value2);
      }
    }));
    union2 = /* @__PURE__ */ dual(2, (self, that) => mutate(empty4(), (set10) => {
      forEach2(self, (value2) => add(set10, value2));
      for (const value2 of that) {
        add(set10, value2);
      }
    }));
    forEach2 = /* @__PURE__ */ dual(2, (self, f) => forEach(self._keyMap, (_, k) => f(k)));
    reduce4 = /* @__PURE__ */ dual(3, (self, zero2, f) => reduce3(self._keyMap, zero2, (z, _, a) => f(z, a)));
  }
});

// node_modules/effect/dist/esm/HashSet.js
var empty5, fromIterable5, make7, has3, size3, add2, remove4, difference3, union3, reduce5;
var init_HashSet = __esm({
  "node_modules/effect/dist/esm/HashSet.js"() {
    init_hashSet();
    empty5 = empty4;
    fromIterable5 = fromIterable4;
    make7 = make6;
    has3 = has2;
    size3 = size2;
    add2 = add;
    remove4 = remove3;
    difference3 = difference2;
    union3 = union2;
    reduce5 = reduce4;
  }
});

// node_modules/effect/dist/esm/internal/opCodes/cause.js
var OP_DIE, OP_EMPTY, OP_FAIL, OP_INTERRUPT, OP_PARALLEL, OP_SEQUENTIAL;
var init_cause = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/cause.js"() {
    OP_DIE = "Die";
    OP_EMPTY = "Empty";
    OP_FAIL = "Fail";
    OP_INTERRUPT = "Interrupt";
    OP_PARALLEL = "Parallel";
    OP_SEQUENTIAL = "Sequential";
  }
});

// node_modules/effect/dist/esm/internal/stackTraceLimit.js
var ObjectGetOwnPropertyDescriptor, ObjectPrototypeHasOwnProperty, ObjectIsExtensible, isStackTraceLimitWritable, canWriteStackTraceLimit, getStackTraceLimit, setStackTraceLimit;
var init_stackTraceLimit = __esm({
  "node_modules/effect/dist/esm/internal/stackTraceLimit.js"() {
    ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
    ObjectIsExtensible = Object.isExtensible;
    isStackTraceLimitWritable = () => {
      const desc = ObjectGetOwnPropertyDescriptor(Error, "stackTraceLimit");
      if (desc === void 0) {
        return ObjectIsExtensible(Error);
      }
      return ObjectPrototypeHasOwnProperty.call(desc, "writable") ? desc.writable === true : desc.set !== void 0;
    };
    canWriteStackTraceLimit = /* @__PURE__ */ isStackTraceLimitWritable();
    getStackTraceLimit = () => Error.stackTraceLimit;
    setStackTraceLimit = (value2) => {
      if (canWriteStackTraceLimit) {
        ;
        Error.stackTraceLimit = value2;
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/cause.js
var CauseSymbolKey, CauseTypeId, variance, proto, empty6, fail, die, interrupt, parallel, sequential, isCause, isEmptyType, isFailType, isDieType, isEmpty3, isInterrupted, isInterruptedOnly, failures, defects, interruptors, failureOption, failureOrCause, flipCauseOption, interruptOption, keepDefectsAndElectFailures, stripFailures, electFailures, map9, flatMap5, causeEquals, flattenCause, flattenCauseLoop, find, evaluateCause, IsInterruptedOnlyCauseReducer, OP_SEQUENTIAL_CASE, OP_PARALLEL_CASE, match3, reduce6, reduceWithContext, pretty, renderErrorCause, makePrettyError, prettyErrorMessage, locationRegex, spanToTrace, prettyErrorStack, spanSymbol, prettyErrors;
var init_cause2 = __esm({
  "node_modules/effect/dist/esm/internal/cause.js"() {
    init_Array();
    init_Chunk();
    init_Either();
    init_Equal();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_HashSet();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_errors();
    init_cause();
    init_stackTraceLimit();
    CauseSymbolKey = "effect/Cause";
    CauseTypeId = /* @__PURE__ */ Symbol.for(CauseSymbolKey);
    variance = {
      /* c8 ignore next */
      _E: (_) => _
    };
    proto = {
      [CauseTypeId]: variance,
      [symbol]() {
        return pipe(hash(CauseSymbolKey), combine(hash(flattenCause(this))), cached(this));
      },
      [symbol2](that) {
        return isCause(that) && causeEquals(this, that);
      },
      pipe() {
        return pipeArguments(this, arguments);
      },
      toJSON() {
        switch (this._tag) {
          case "Empty":
            return {
              _id: "Cause",
              _tag: this._tag
            };
          case "Die":
            return {
              _id: "Cause",
              _tag: this._tag,
              defect: toJSON(this.defect)
            };
          case "Interrupt":
            return {
              _id: "Cause",
              _tag: this._tag,
              fiberId: this.fiberId.toJSON()
            };
          case "Fail":
            return {
              _id: "Cause",
              _tag: this._tag,
              error: toJSON(this.error)
            };
          case "Sequential":
          case "Parallel":
            return {
              _id: "Cause",
              _tag: this._tag,
              left: toJSON(this.left),
              right: toJSON(this.right)
            };
        }
      },
      toString() {
        return pretty(this);
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    empty6 = /* @__PURE__ */ (() => {
      const o = /* @__PURE__ */ Object.create(proto);
      o._tag = OP_EMPTY;
      return o;
    })();
    fail = (error) => {
      const o = Object.create(proto);
      o._tag = OP_FAIL;
      o.error = error;
      return o;
    };
    die = (defect) => {
      const o = Object.create(proto);
      o._tag = OP_DIE;
      o.defect = defect;
      return o;
    };
    interrupt = (fiberId2) => {
      const o = Object.create(proto);
      o._tag = OP_INTERRUPT;
      o.fiberId = fiberId2;
      return o;
    };
    parallel = (left3, right3) => {
      const o = Object.create(proto);
      o._tag = OP_PARALLEL;
      o.left = left3;
      o.right = right3;
      return o;
    };
    sequential = (left3, right3) => {
      const o = Object.create(proto);
      o._tag = OP_SEQUENTIAL;
      o.left = left3;
      o.right = right3;
      return o;
    };
    isCause = (u) => hasProperty(u, CauseTypeId);
    isEmptyType = (self) => self._tag === OP_EMPTY;
    isFailType = (self) => self._tag === OP_FAIL;
    isDieType = (self) => self._tag === OP_DIE;
    isEmpty3 = (self) => {
      if (self._tag === OP_EMPTY) {
        return true;
      }
      return reduce6(self, true, (acc, cause2) => {
        switch (cause2._tag) {
          case OP_EMPTY: {
            return some2(acc);
          }
          case OP_DIE:
          case OP_FAIL:
          case OP_INTERRUPT: {
            return some2(false);
          }
          default: {
            return none2();
          }
        }
      });
    };
    isInterrupted = (self) => isSome2(interruptOption(self));
    isInterruptedOnly = (self) => reduceWithContext(void 0, IsInterruptedOnlyCauseReducer)(self);
    failures = (self) => reverse2(reduce6(self, empty2(), (list, cause2) => cause2._tag === OP_FAIL ? some2(pipe(list, prepend2(cause2.error))) : none2()));
    defects = (self) => reverse2(reduce6(self, empty2(), (list, cause2) => cause2._tag === OP_DIE ? some2(pipe(list, prepend2(cause2.defect))) : none2()));
    interruptors = (self) => reduce6(self, empty5(), (set10, cause2) => cause2._tag === OP_INTERRUPT ? some2(pipe(set10, add2(cause2.fiberId))) : none2());
    failureOption = (self) => find(self, (cause2) => cause2._tag === OP_FAIL ? some2(cause2.error) : none2());
    failureOrCause = (self) => {
      const option2 = failureOption(self);
      switch (option2._tag) {
        case "None": {
          return right2(self);
        }
        case "Some": {
          return left2(option2.value);
        }
      }
    };
    flipCauseOption = (self) => match3(self, {
      onEmpty: some2(empty6),
      onFail: map2(fail),
      onDie: (defect) => some2(die(defect)),
      onInterrupt: (fiberId2) => some2(interrupt(fiberId2)),
      onSequential: mergeWith(sequential),
      onParallel: mergeWith(parallel)
    });
    interruptOption = (self) => find(self, (cause2) => cause2._tag === OP_INTERRUPT ? some2(cause2.fiberId) : none2());
    keepDefectsAndElectFailures = (self) => match3(self, {
      onEmpty: none2(),
      onFail: (failure) => some2(die(failure)),
      onDie: (defect) => some2(die(defect)),
      onInterrupt: () => none2(),
      onSequential: mergeWith(sequential),
      onParallel: mergeWith(parallel)
    });
    stripFailures = (self) => match3(self, {
      onEmpty: empty6,
      onFail: () => empty6,
      onDie: die,
      onInterrupt: interrupt,
      onSequential: sequential,
      onParallel: parallel
    });
    electFailures = (self) => match3(self, {
      onEmpty: empty6,
      onFail: die,
      onDie: die,
      onInterrupt: interrupt,
      onSequential: sequential,
      onParallel: parallel
    });
    map9 = /* @__PURE__ */ dual(2, (self, f) => flatMap5(self, (e) => fail(f(e))));
    flatMap5 = /* @__PURE__ */ dual(2, (self, f) => match3(self, {
      onEmpty: empty6,
      onFail: (error) => f(error),
      onDie: (defect) => die(defect),
      onInterrupt: (fiberId2) => interrupt(fiberId2),
      onSequential: (left3, right3) => sequential(left3, right3),
      onParallel: (left3, right3) => parallel(left3, right3)
    }));
    causeEquals = (left3, right3) => {
      let leftStack = of2(left3);
      let rightStack = of2(right3);
      while (isNonEmpty(leftStack) && isNonEmpty(rightStack)) {
        const [leftParallel, leftSequential] = pipe(headNonEmpty2(leftStack), reduce6([empty5(), empty2()], ([parallel4, sequential4], cause2) => {
          const [par2, seq2] = evaluateCause(cause2);
          return some2([pipe(parallel4, union3(par2)), pipe(sequential4, appendAll2(seq2))]);
        }));
        const [rightParallel, rightSequential] = pipe(headNonEmpty2(rightStack), reduce6([empty5(), empty2()], ([parallel4, sequential4], cause2) => {
          const [par2, seq2] = evaluateCause(cause2);
          return some2([pipe(parallel4, union3(par2)), pipe(sequential4, appendAll2(seq2))]);
        }));
        if (!equals(leftParallel, rightParallel)) {
          return false;
        }
        leftStack = leftSequential;
        rightStack = rightSequential;
      }
      return true;
    };
    flattenCause = (cause2) => {
      return flattenCauseLoop(of2(cause2), empty2());
    };
    flattenCauseLoop = (causes, flattened) => {
      while (1) {
        const [parallel4, sequential4] = pipe(causes, reduce([empty5(), empty2()], ([parallel5, sequential5], cause2) => {
          const [par2, seq2] = evaluateCause(cause2);
          return [pipe(parallel5, union3(par2)), pipe(sequential5, appendAll2(seq2))];
        }));
        const updated = size3(parallel4) > 0 ? pipe(flattened, prepend2(parallel4)) : flattened;
        if (isEmpty(sequential4)) {
          return reverse2(updated);
        }
        causes = sequential4;
        flattened = updated;
      }
      throw new Error(getBugErrorMessage("Cause.flattenCauseLoop"));
    };
    find = /* @__PURE__ */ dual(2, (self, pf) => {
      const stack = [self];
      while (stack.length > 0) {
        const item = stack.pop();
        const option2 = pf(item);
        switch (option2._tag) {
          case "None": {
            switch (item._tag) {
              case OP_SEQUENTIAL:
              case OP_PARALLEL: {
                stack.push(item.right);
                stack.push(item.left);
                break;
              }
            }
            break;
          }
          case "Some": {
            return option2;
          }
        }
      }
      return none2();
    });
    evaluateCause = (self) => {
      let cause2 = self;
      const stack = [];
      let _parallel = empty5();
      let _sequential = empty2();
      while (cause2 !== void 0) {
        switch (cause2._tag) {
          case OP_EMPTY: {
            if (stack.length === 0) {
              return [_parallel, _sequential];
            }
            cause2 = stack.pop();
            break;
          }
          case OP_FAIL: {
            _parallel = add2(_parallel, make4(cause2._tag, cause2.error));
            if (stack.length === 0) {
              return [_parallel, _sequential];
            }
            cause2 = stack.pop();
            break;
          }
          case OP_DIE: {
            _parallel = add2(_parallel, make4(cause2._tag, cause2.defect));
            if (stack.length === 0) {
              return [_parallel, _sequential];
            }
            cause2 = stack.pop();
            break;
          }
          case OP_INTERRUPT: {
            _parallel = add2(_parallel, make4(cause2._tag, cause2.fiberId));
            if (stack.length === 0) {
              return [_parallel, _sequential];
            }
            cause2 = stack.pop();
            break;
          }
          case OP_SEQUENTIAL: {
            switch (cause2.left._tag) {
              case OP_EMPTY: {
                cause2 = cause2.right;
                break;
              }
              case OP_SEQUENTIAL: {
                cause2 = sequential(cause2.left.left, sequential(cause2.left.right, cause2.right));
                break;
              }
              case OP_PARALLEL: {
                cause2 = parallel(sequential(cause2.left.left, cause2.right), sequential(cause2.left.right, cause2.right));
                break;
              }
              default: {
                _sequential = prepend2(_sequential, cause2.right);
                cause2 = cause2.left;
                break;
              }
            }
            break;
          }
          case OP_PARALLEL: {
            stack.push(cause2.right);
            cause2 = cause2.left;
            break;
          }
        }
      }
      throw new Error(getBugErrorMessage("Cause.evaluateCauseLoop"));
    };
    IsInterruptedOnlyCauseReducer = {
      emptyCase: constTrue,
      failCase: constFalse,
      dieCase: constFalse,
      interruptCase: constTrue,
      sequentialCase: (_, left3, right3) => left3 && right3,
      parallelCase: (_, left3, right3) => left3 && right3
    };
    OP_SEQUENTIAL_CASE = "SequentialCase";
    OP_PARALLEL_CASE = "ParallelCase";
    match3 = /* @__PURE__ */ dual(2, (self, {
      onDie,
      onEmpty,
      onFail,
      onInterrupt: onInterrupt3,
      onParallel,
      onSequential
    }) => {
      return reduceWithContext(self, void 0, {
        emptyCase: () => onEmpty,
        failCase: (_, error) => onFail(error),
        dieCase: (_, defect) => onDie(defect),
        interruptCase: (_, fiberId2) => onInterrupt3(fiberId2),
        sequentialCase: (_, left3, right3) => onSequential(left3, right3),
        parallelCase: (_, left3, right3) => onParallel(left3, right3)
      });
    });
    reduce6 = /* @__PURE__ */ dual(3, (self, zero2, pf) => {
      let accumulator = zero2;
      let cause2 = self;
      const causes = [];
      while (cause2 !== void 0) {
        const option2 = pf(accumulator, cause2);
        accumulator = isSome2(option2) ? option2.value : accumulator;
        switch (cause2._tag) {
          case OP_SEQUENTIAL: {
            causes.push(cause2.right);
            cause2 = cause2.left;
            break;
          }
          case OP_PARALLEL: {
            causes.push(cause2.right);
            cause2 = cause2.left;
            break;
          }
          default: {
            cause2 = void 0;
            break;
          }
        }
        if (cause2 === void 0 && causes.length > 0) {
          cause2 = causes.pop();
        }
      }
      return accumulator;
    });
    reduceWithContext = /* @__PURE__ */ dual(3, (self, context5, reducer) => {
      const input = [self];
      const output = [];
      while (input.length > 0) {
        const cause2 = input.pop();
        switch (cause2._tag) {
          case OP_EMPTY: {
            output.push(right2(reducer.emptyCase(context5)));
            break;
          }
          case OP_FAIL: {
            output.push(right2(reducer.failCase(context5, cause2.error)));
            break;
          }
          case OP_DIE: {
            output.push(right2(reducer.dieCase(context5, cause2.defect)));
            break;
          }
          case OP_INTERRUPT: {
            output.push(right2(reducer.interruptCase(context5, cause2.fiberId)));
            break;
          }
          case OP_SEQUENTIAL: {
            input.push(cause2.right);
            input.push(cause2.left);
            output.push(left2({
              _tag: OP_SEQUENTIAL_CASE
            }));
            break;
          }
          case OP_PARALLEL: {
            input.push(cause2.right);
            input.push(cause2.left);
            output.push(left2({
              _tag: OP_PARALLEL_CASE
            }));
            break;
          }
        }
      }
      const accumulator = [];
      while (output.length > 0) {
        const either5 = output.pop();
        switch (either5._tag) {
          case "Left": {
            switch (either5.left._tag) {
              case OP_SEQUENTIAL_CASE: {
                const left3 = accumulator.pop();
                const right3 = accumulator.pop();
                const value2 = reducer.sequentialCase(context5, left3, right3);
                accumulator.push(value2);
                break;
              }
              case OP_PARALLEL_CASE: {
                const left3 = accumulator.pop();
                const right3 = accumulator.pop();
                const value2 = reducer.parallelCase(context5, left3, right3);
                accumulator.push(value2);
                break;
              }
            }
            break;
          }
          case "Right": {
            accumulator.push(either5.right);
            break;
          }
        }
      }
      if (accumulator.length === 0) {
        throw new Error("BUG: Cause.reduceWithContext - please report an issue at https://github.com/Effect-TS/effect/issues");
      }
      return accumulator.pop();
    });
    pretty = (cause2, options3) => {
      if (isInterruptedOnly(cause2)) {
        return "All fibers interrupted without errors.";
      }
      return prettyErrors(cause2).map(function(e) {
        if (options3?.renderErrorCause !== true || e.cause === void 0) {
          return e.stack;
        }
        return `${e.stack} {
${renderErrorCause(e.cause, "  ")}
}`;
      }).join("\n");
    };
    renderErrorCause = (cause2, prefix) => {
      const lines = cause2.stack.split("\n");
      let stack = `${prefix}[cause]: ${lines[0]}`;
      for (let i = 1, len = lines.length; i < len; i++) {
        stack += `
${prefix}${lines[i]}`;
      }
      if (cause2.cause) {
        stack += ` {
${renderErrorCause(cause2.cause, `${prefix}  `)}
${prefix}}`;
      }
      return stack;
    };
    makePrettyError = (originalError) => {
      const originalErrorIsObject = typeof originalError === "object" && originalError !== null;
      const prevLimit = getStackTraceLimit();
      setStackTraceLimit(1);
      const error = new Error(prettyErrorMessage(originalError), originalErrorIsObject && "cause" in originalError && typeof originalError.cause !== "undefined" ? {
        cause: makePrettyError(originalError.cause)
      } : void 0);
      setStackTraceLimit(prevLimit);
      if (error.message === "") {
        error.message = "An error has occurred";
      }
      setStackTraceLimit(prevLimit);
      error.name = originalError instanceof Error ? originalError.name : "Error";
      if (originalErrorIsObject) {
        if (spanSymbol in originalError) {
          error.span = originalError[spanSymbol];
        }
        Object.keys(originalError).forEach((key) => {
          if (!(key in error)) {
            error[key] = originalError[key];
          }
        });
      }
      error.stack = prettyErrorStack(`${error.name}: ${error.message}`, originalError instanceof Error && originalError.stack ? originalError.stack : "", error.span);
      return error;
    };
    prettyErrorMessage = (u) => {
      if (typeof u === "string") {
        return u;
      }
      if (typeof u === "object" && u !== null && u instanceof Error) {
        return u.message;
      }
      try {
        if (hasProperty(u, "toString") && isFunction2(u["toString"]) && u["toString"] !== Object.prototype.toString && u["toString"] !== globalThis.Array.prototype.toString) {
          return u["toString"]();
        }
      } catch {
      }
      return stringifyCircular(u);
    };
    locationRegex = /\((.*)\)/g;
    spanToTrace = /* @__PURE__ */ globalValue("effect/Tracer/spanToTrace", () => /* @__PURE__ */ new WeakMap());
    prettyErrorStack = (message, stack, span2) => {
      const out = [message];
      const lines = stack.startsWith(message) ? stack.slice(message.length).split("\n") : stack.split("\n");
      for (let i = 1; i < lines.length; i++) {
        if (lines[i].includes(" at new BaseEffectError") || lines[i].includes(" at new YieldableError")) {
          i++;
          continue;
        }
        if (lines[i].includes("Generator.next")) {
          break;
        }
        if (lines[i].includes("effect_internal_function")) {
          break;
        }
        out.push(lines[i].replace(/at .*effect_instruction_i.*\((.*)\)/, "at $1").replace(/EffectPrimitive\.\w+/, "<anonymous>"));
      }
      if (span2) {
        let current = span2;
        let i = 0;
        while (current && current._tag === "Span" && i < 10) {
          const stackFn = spanToTrace.get(current);
          if (typeof stackFn === "function") {
            const stack2 = stackFn();
            if (typeof stack2 === "string") {
              const locationMatchAll = stack2.matchAll(locationRegex);
              let match14 = false;
              for (const [, location2] of locationMatchAll) {
                match14 = true;
                out.push(`    at ${current.name} (${location2})`);
              }
              if (!match14) {
                out.push(`    at ${current.name} (${stack2.replace(/^at /, "")})`);
              }
            } else {
              out.push(`    at ${current.name}`);
            }
          } else {
            out.push(`    at ${current.name}`);
          }
          current = getOrUndefined(current.parent);
          i++;
        }
      }
      return out.join("\n");
    };
    spanSymbol = /* @__PURE__ */ Symbol.for("effect/SpanAnnotation");
    prettyErrors = (cause2) => reduceWithContext(cause2, void 0, {
      emptyCase: () => [],
      dieCase: (_, unknownError) => {
        return [makePrettyError(unknownError)];
      },
      failCase: (_, error) => {
        return [makePrettyError(error)];
      },
      interruptCase: () => [],
      parallelCase: (_, l, r) => [...l, ...r],
      sequentialCase: (_, l, r) => [...l, ...r]
    });
  }
});

// node_modules/effect/dist/esm/internal/context.js
var TagTypeId, ReferenceTypeId, STMSymbolKey, STMTypeId, TagProto, ReferenceProto, makeGenericTag, Tag, Reference, TypeId4, ContextProto, makeContext, serviceNotFoundError, isContext, isTag, isReference, _empty4, empty7, make8, add3, defaultValueCache, getDefaultValue, unsafeGetReference, unsafeGet3, get4, getOption, merge2, mergeAll;
var init_context = __esm({
  "node_modules/effect/dist/esm/internal/context.js"() {
    init_Equal();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    init_effectable();
    init_option();
    init_stackTraceLimit();
    TagTypeId = /* @__PURE__ */ Symbol.for("effect/Context/Tag");
    ReferenceTypeId = /* @__PURE__ */ Symbol.for("effect/Context/Reference");
    STMSymbolKey = "effect/STM";
    STMTypeId = /* @__PURE__ */ Symbol.for(STMSymbolKey);
    TagProto = {
      ...EffectPrototype,
      _op: "Tag",
      [STMTypeId]: effectVariance,
      [TagTypeId]: {
        _Service: (_) => _,
        _Identifier: (_) => _
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "Tag",
          key: this.key,
          stack: this.stack
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      of(self) {
        return self;
      },
      context(self) {
        return make8(this, self);
      }
    };
    ReferenceProto = {
      ...TagProto,
      [ReferenceTypeId]: ReferenceTypeId
    };
    makeGenericTag = (key) => {
      const limit = getStackTraceLimit();
      setStackTraceLimit(2);
      const creationError = new Error();
      setStackTraceLimit(limit);
      const tag2 = Object.create(TagProto);
      Object.defineProperty(tag2, "stack", {
        get() {
          return creationError.stack;
        }
      });
      tag2.key = key;
      return tag2;
    };
    Tag = (id2) => () => {
      const limit = getStackTraceLimit();
      setStackTraceLimit(2);
      const creationError = new Error();
      setStackTraceLimit(limit);
      function TagClass() {
      }
      Object.setPrototypeOf(TagClass, TagProto);
      TagClass.key = id2;
      Object.defineProperty(TagClass, "stack", {
        get() {
          return creationError.stack;
        }
      });
      return TagClass;
    };
    Reference = () => (id2, options3) => {
      const limit = getStackTraceLimit();
      setStackTraceLimit(2);
      const creationError = new Error();
      setStackTraceLimit(limit);
      function ReferenceClass() {
      }
      Object.setPrototypeOf(ReferenceClass, ReferenceProto);
      ReferenceClass.key = id2;
      ReferenceClass.defaultValue = options3.defaultValue;
      Object.defineProperty(ReferenceClass, "stack", {
        get() {
          return creationError.stack;
        }
      });
      return ReferenceClass;
    };
    TypeId4 = /* @__PURE__ */ Symbol.for("effect/Context");
    ContextProto = {
      [TypeId4]: {
        _Services: (_) => _
      },
      [symbol2](that) {
        if (isContext(that)) {
          if (this.unsafeMap.size === that.unsafeMap.size) {
            for (const k of this.unsafeMap.keys()) {
              if (!that.unsafeMap.has(k) || !equals(this.unsafeMap.get(k), that.unsafeMap.get(k))) {
                return false;
              }
            }
            return true;
          }
        }
        return false;
      },
      [symbol]() {
        return cached(this, number2(this.unsafeMap.size));
      },
      pipe() {
        return pipeArguments(this, arguments);
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "Context",
          services: Array.from(this.unsafeMap).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    makeContext = (unsafeMap) => {
      const context5 = Object.create(ContextProto);
      context5.unsafeMap = unsafeMap;
      return context5;
    };
    serviceNotFoundError = (tag2) => {
      const error = new Error(`Service not found${tag2.key ? `: ${String(tag2.key)}` : ""}`);
      if (tag2.stack) {
        const lines = tag2.stack.split("\n");
        if (lines.length > 2) {
          const afterAt = lines[2].match(/at (.*)/);
          if (afterAt) {
            error.message = error.message + ` (defined at ${afterAt[1]})`;
          }
        }
      }
      if (error.stack) {
        const lines = error.stack.split("\n");
        lines.splice(1, 3);
        error.stack = lines.join("\n");
      }
      return error;
    };
    isContext = (u) => hasProperty(u, TypeId4);
    isTag = (u) => hasProperty(u, TagTypeId);
    isReference = (u) => hasProperty(u, ReferenceTypeId);
    _empty4 = /* @__PURE__ */ makeContext(/* @__PURE__ */ new Map());
    empty7 = () => _empty4;
    make8 = (tag2, service2) => makeContext(/* @__PURE__ */ new Map([[tag2.key, service2]]));
    add3 = /* @__PURE__ */ dual(3, (self, tag2, service2) => {
      const map22 = new Map(self.unsafeMap);
      map22.set(tag2.key, service2);
      return makeContext(map22);
    });
    defaultValueCache = /* @__PURE__ */ globalValue("effect/Context/defaultValueCache", () => /* @__PURE__ */ new Map());
    getDefaultValue = (tag2) => {
      if (defaultValueCache.has(tag2.key)) {
        return defaultValueCache.get(tag2.key);
      }
      const value2 = tag2.defaultValue();
      defaultValueCache.set(tag2.key, value2);
      return value2;
    };
    unsafeGetReference = (self, tag2) => {
      return self.unsafeMap.has(tag2.key) ? self.unsafeMap.get(tag2.key) : getDefaultValue(tag2);
    };
    unsafeGet3 = /* @__PURE__ */ dual(2, (self, tag2) => {
      if (!self.unsafeMap.has(tag2.key)) {
        if (ReferenceTypeId in tag2) return getDefaultValue(tag2);
        throw serviceNotFoundError(tag2);
      }
      return self.unsafeMap.get(tag2.key);
    });
    get4 = unsafeGet3;
    getOption = /* @__PURE__ */ dual(2, (self, tag2) => {
      if (!self.unsafeMap.has(tag2.key)) {
        return isReference(tag2) ? some(getDefaultValue(tag2)) : none;
      }
      return some(self.unsafeMap.get(tag2.key));
    });
    merge2 = /* @__PURE__ */ dual(2, (self, that) => {
      const map22 = new Map(self.unsafeMap);
      for (const [tag2, s] of that.unsafeMap) {
        map22.set(tag2, s);
      }
      return makeContext(map22);
    });
    mergeAll = (...ctxs) => {
      const map22 = /* @__PURE__ */ new Map();
      for (let i = 0; i < ctxs.length; i++) {
        ctxs[i].unsafeMap.forEach((value2, key) => {
          map22.set(key, value2);
        });
      }
      return makeContext(map22);
    };
  }
});

// node_modules/effect/dist/esm/Context.js
var GenericTag, isContext2, isTag2, empty8, make9, add4, get5, unsafeGet4, getOption2, merge3, mergeAll2, Tag2, Reference2;
var init_Context = __esm({
  "node_modules/effect/dist/esm/Context.js"() {
    init_context();
    GenericTag = makeGenericTag;
    isContext2 = isContext;
    isTag2 = isTag;
    empty8 = empty7;
    make9 = make8;
    add4 = add3;
    get5 = get4;
    unsafeGet4 = unsafeGet3;
    getOption2 = getOption;
    merge3 = merge2;
    mergeAll2 = mergeAll;
    Tag2 = Tag;
    Reference2 = Reference;
  }
});

// node_modules/effect/dist/esm/Duration.js
var TypeId5, bigint0, bigint24, bigint60, bigint1e3, bigint1e6, bigint1e9, DURATION_REGEX, parseNanos, decode, zeroValue, infinityValue, DurationProto, make10, isDuration, isZero, zero, infinity, nanos, millis, seconds, minutes, hours, days, weeks, toMillis, unsafeToNanos, toHrTime, match4, matchWith, Equivalence, lessThanOrEqualTo, greaterThanOrEqualTo, equals2, parts, format2;
var init_Duration = __esm({
  "node_modules/effect/dist/esm/Duration.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    TypeId5 = /* @__PURE__ */ Symbol.for("effect/Duration");
    bigint0 = /* @__PURE__ */ BigInt(0);
    bigint24 = /* @__PURE__ */ BigInt(24);
    bigint60 = /* @__PURE__ */ BigInt(60);
    bigint1e3 = /* @__PURE__ */ BigInt(1e3);
    bigint1e6 = /* @__PURE__ */ BigInt(1e6);
    bigint1e9 = /* @__PURE__ */ BigInt(1e9);
    DURATION_REGEX = /^(-?\d+(?:\.\d+)?)\s+(nanos?|micros?|millis?|seconds?|minutes?|hours?|days?|weeks?)$/;
    parseNanos = (input, scale) => input.includes(".") ? BigInt(Math.round(Number(input) * scale)) : BigInt(input) * BigInt(scale);
    decode = (input) => {
      if (isDuration(input)) {
        return input;
      } else if (isNumber(input)) {
        return millis(input);
      } else if (isBigInt(input)) {
        return nanos(input);
      } else if (Array.isArray(input) && input.length === 2 && input.every(isNumber)) {
        if (input[0] === -Infinity || input[1] === -Infinity || Number.isNaN(input[0]) || Number.isNaN(input[1])) {
          return zero;
        }
        if (input[0] === Infinity || input[1] === Infinity) {
          return infinity;
        }
        return nanos(BigInt(Math.round(input[0] * 1e9)) + BigInt(Math.round(input[1])));
      } else if (isString(input)) {
        const match14 = DURATION_REGEX.exec(input);
        if (match14) {
          const [_, valueStr, unit] = match14;
          const value2 = Number(valueStr);
          switch (unit) {
            case "nano":
            case "nanos":
              return nanos(parseNanos(valueStr, 1));
            case "micro":
            case "micros":
              return nanos(parseNanos(valueStr, 1e3));
            case "milli":
            case "millis":
              return millis(value2);
            case "second":
            case "seconds":
              return seconds(value2);
            case "minute":
            case "minutes":
              return minutes(value2);
            case "hour":
            case "hours":
              return hours(value2);
            case "day":
            case "days":
              return days(value2);
            case "week":
            case "weeks":
              return weeks(value2);
          }
        }
      }
      throw new Error("Invalid DurationInput");
    };
    zeroValue = {
      _tag: "Millis",
      millis: 0
    };
    infinityValue = {
      _tag: "Infinity"
    };
    DurationProto = {
      [TypeId5]: TypeId5,
      [symbol]() {
        return cached(this, structure(this.value));
      },
      [symbol2](that) {
        return isDuration(that) && equals2(this, that);
      },
      toString() {
        return `Duration(${format2(this)})`;
      },
      toJSON() {
        switch (this.value._tag) {
          case "Millis":
            return {
              _id: "Duration",
              _tag: "Millis",
              millis: this.value.millis
            };
          case "Nanos":
            return {
              _id: "Duration",
              _tag: "Nanos",
              hrtime: toHrTime(this)
            };
          case "Infinity":
            return {
              _id: "Duration",
              _tag: "Infinity"
            };
        }
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make10 = (input) => {
      const duration = Object.create(DurationProto);
      if (isNumber(input)) {
        if (isNaN(input) || input <= 0) {
          duration.value = zeroValue;
        } else if (!Number.isFinite(input)) {
          duration.value = infinityValue;
        } else if (!Number.isInteger(input)) {
          duration.value = {
            _tag: "Nanos",
            nanos: BigInt(Math.round(input * 1e6))
          };
        } else {
          duration.value = {
            _tag: "Millis",
            millis: input
          };
        }
      } else if (input <= bigint0) {
        duration.value = zeroValue;
      } else {
        duration.value = {
          _tag: "Nanos",
          nanos: input
        };
      }
      return duration;
    };
    isDuration = (u) => hasProperty(u, TypeId5);
    isZero = (self) => {
      switch (self.value._tag) {
        case "Millis": {
          return self.value.millis === 0;
        }
        case "Nanos": {
          return self.value.nanos === bigint0;
        }
        case "Infinity": {
          return false;
        }
      }
    };
    zero = /* @__PURE__ */ make10(0);
    infinity = /* @__PURE__ */ make10(Infinity);
    nanos = (nanos2) => make10(nanos2);
    millis = (millis2) => make10(millis2);
    seconds = (seconds2) => make10(seconds2 * 1e3);
    minutes = (minutes2) => make10(minutes2 * 6e4);
    hours = (hours2) => make10(hours2 * 36e5);
    days = (days2) => make10(days2 * 864e5);
    weeks = (weeks2) => make10(weeks2 * 6048e5);
    toMillis = (self) => match4(self, {
      onMillis: (millis2) => millis2,
      onNanos: (nanos2) => Number(nanos2) / 1e6
    });
    unsafeToNanos = (self) => {
      const _self = decode(self);
      switch (_self.value._tag) {
        case "Infinity":
          throw new Error("Cannot convert infinite duration to nanos");
        case "Nanos":
          return _self.value.nanos;
        case "Millis":
          return BigInt(Math.round(_self.value.millis * 1e6));
      }
    };
    toHrTime = (self) => {
      const _self = decode(self);
      switch (_self.value._tag) {
        case "Infinity":
          return [Infinity, 0];
        case "Nanos":
          return [Number(_self.value.nanos / bigint1e9), Number(_self.value.nanos % bigint1e9)];
        case "Millis":
          return [Math.floor(_self.value.millis / 1e3), Math.round(_self.value.millis % 1e3 * 1e6)];
      }
    };
    match4 = /* @__PURE__ */ dual(2, (self, options3) => {
      const _self = decode(self);
      switch (_self.value._tag) {
        case "Nanos":
          return options3.onNanos(_self.value.nanos);
        case "Infinity":
          return options3.onMillis(Infinity);
        case "Millis":
          return options3.onMillis(_self.value.millis);
      }
    });
    matchWith = /* @__PURE__ */ dual(3, (self, that, options3) => {
      const _self = decode(self);
      const _that = decode(that);
      if (_self.value._tag === "Infinity" || _that.value._tag === "Infinity") {
        return options3.onMillis(toMillis(_self), toMillis(_that));
      } else if (_self.value._tag === "Nanos" || _that.value._tag === "Nanos") {
        const selfNanos = _self.value._tag === "Nanos" ? _self.value.nanos : BigInt(Math.round(_self.value.millis * 1e6));
        const thatNanos = _that.value._tag === "Nanos" ? _that.value.nanos : BigInt(Math.round(_that.value.millis * 1e6));
        return options3.onNanos(selfNanos, thatNanos);
      }
      return options3.onMillis(_self.value.millis, _that.value.millis);
    });
    Equivalence = (self, that) => matchWith(self, that, {
      onMillis: (self2, that2) => self2 === that2,
      onNanos: (self2, that2) => self2 === that2
    });
    lessThanOrEqualTo = /* @__PURE__ */ dual(2, (self, that) => matchWith(self, that, {
      onMillis: (self2, that2) => self2 <= that2,
      onNanos: (self2, that2) => self2 <= that2
    }));
    greaterThanOrEqualTo = /* @__PURE__ */ dual(2, (self, that) => matchWith(self, that, {
      onMillis: (self2, that2) => self2 >= that2,
      onNanos: (self2, that2) => self2 >= that2
    }));
    equals2 = /* @__PURE__ */ dual(2, (self, that) => Equivalence(decode(self), decode(that)));
    parts = (self) => {
      const duration = decode(self);
      if (duration.value._tag === "Infinity") {
        return {
          days: Infinity,
          hours: Infinity,
          minutes: Infinity,
          seconds: Infinity,
          millis: Infinity,
          nanos: Infinity
        };
      }
      const nanos2 = unsafeToNanos(duration);
      const ms = nanos2 / bigint1e6;
      const sec = ms / bigint1e3;
      const min3 = sec / bigint60;
      const hr = min3 / bigint60;
      const days2 = hr / bigint24;
      return {
        days: Number(days2),
        hours: Number(hr % bigint24),
        minutes: Number(min3 % bigint60),
        seconds: Number(sec % bigint60),
        millis: Number(ms % bigint1e3),
        nanos: Number(nanos2 % bigint1e6)
      };
    };
    format2 = (self) => {
      const duration = decode(self);
      if (duration.value._tag === "Infinity") {
        return "Infinity";
      }
      if (isZero(duration)) {
        return "0";
      }
      const fragments = parts(duration);
      const pieces = [];
      if (fragments.days !== 0) {
        pieces.push(`${fragments.days}d`);
      }
      if (fragments.hours !== 0) {
        pieces.push(`${fragments.hours}h`);
      }
      if (fragments.minutes !== 0) {
        pieces.push(`${fragments.minutes}m`);
      }
      if (fragments.seconds !== 0) {
        pieces.push(`${fragments.seconds}s`);
      }
      if (fragments.millis !== 0) {
        pieces.push(`${fragments.millis}ms`);
      }
      if (fragments.nanos !== 0) {
        pieces.push(`${fragments.nanos}ns`);
      }
      return pieces.join(" ");
    };
  }
});

// node_modules/effect/dist/esm/MutableRef.js
var TypeId6, MutableRefProto, make11, compareAndSet, get6, set2;
var init_MutableRef = __esm({
  "node_modules/effect/dist/esm/MutableRef.js"() {
    init_Equal();
    init_Function();
    init_Inspectable();
    init_Pipeable();
    TypeId6 = /* @__PURE__ */ Symbol.for("effect/MutableRef");
    MutableRefProto = {
      [TypeId6]: TypeId6,
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "MutableRef",
          current: toJSON(this.current)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make11 = (value2) => {
      const ref = Object.create(MutableRefProto);
      ref.current = value2;
      return ref;
    };
    compareAndSet = /* @__PURE__ */ dual(3, (self, oldValue, newValue) => {
      if (equals(oldValue, self.current)) {
        self.current = newValue;
        return true;
      }
      return false;
    });
    get6 = (self) => self.current;
    set2 = /* @__PURE__ */ dual(2, (self, value2) => {
      self.current = value2;
      return self;
    });
  }
});

// node_modules/effect/dist/esm/internal/fiberId.js
var FiberIdSymbolKey, FiberIdTypeId, OP_NONE, OP_RUNTIME, OP_COMPOSITE, emptyHash, None, Runtime, Composite, none3, isFiberId, combine2, combineAll, ids, _fiberCounter, threadName, unsafeMake;
var init_fiberId = __esm({
  "node_modules/effect/dist/esm/internal/fiberId.js"() {
    init_Equal();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_HashSet();
    init_Inspectable();
    init_MutableRef();
    init_Predicate();
    FiberIdSymbolKey = "effect/FiberId";
    FiberIdTypeId = /* @__PURE__ */ Symbol.for(FiberIdSymbolKey);
    OP_NONE = "None";
    OP_RUNTIME = "Runtime";
    OP_COMPOSITE = "Composite";
    emptyHash = /* @__PURE__ */ string(`${FiberIdSymbolKey}-${OP_NONE}`);
    None = class {
      [FiberIdTypeId] = FiberIdTypeId;
      _tag = OP_NONE;
      id = -1;
      startTimeMillis = -1;
      [symbol]() {
        return emptyHash;
      }
      [symbol2](that) {
        return isFiberId(that) && that._tag === OP_NONE;
      }
      toString() {
        return format(this.toJSON());
      }
      toJSON() {
        return {
          _id: "FiberId",
          _tag: this._tag
        };
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    Runtime = class {
      id;
      startTimeMillis;
      [FiberIdTypeId] = FiberIdTypeId;
      _tag = OP_RUNTIME;
      constructor(id2, startTimeMillis) {
        this.id = id2;
        this.startTimeMillis = startTimeMillis;
      }
      [symbol]() {
        return cached(this, string(`${FiberIdSymbolKey}-${this._tag}-${this.id}-${this.startTimeMillis}`));
      }
      [symbol2](that) {
        return isFiberId(that) && that._tag === OP_RUNTIME && this.id === that.id && this.startTimeMillis === that.startTimeMillis;
      }
      toString() {
        return format(this.toJSON());
      }
      toJSON() {
        return {
          _id: "FiberId",
          _tag: this._tag,
          id: this.id,
          startTimeMillis: this.startTimeMillis
        };
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    Composite = class {
      left;
      right;
      [FiberIdTypeId] = FiberIdTypeId;
      _tag = OP_COMPOSITE;
      constructor(left3, right3) {
        this.left = left3;
        this.right = right3;
      }
      _hash;
      [symbol]() {
        return pipe(string(`${FiberIdSymbolKey}-${this._tag}`), combine(hash(this.left)), combine(hash(this.right)), cached(this));
      }
      [symbol2](that) {
        return isFiberId(that) && that._tag === OP_COMPOSITE && equals(this.left, that.left) && equals(this.right, that.right);
      }
      toString() {
        return format(this.toJSON());
      }
      toJSON() {
        return {
          _id: "FiberId",
          _tag: this._tag,
          left: toJSON(this.left),
          right: toJSON(this.right)
        };
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    none3 = /* @__PURE__ */ new None();
    isFiberId = (self) => hasProperty(self, FiberIdTypeId);
    combine2 = /* @__PURE__ */ dual(2, (self, that) => {
      if (self._tag === OP_NONE) {
        return that;
      }
      if (that._tag === OP_NONE) {
        return self;
      }
      return new Composite(self, that);
    });
    combineAll = (fiberIds) => {
      return pipe(fiberIds, reduce5(none3, (a, b) => combine2(b)(a)));
    };
    ids = (self) => {
      switch (self._tag) {
        case OP_NONE: {
          return empty5();
        }
        case OP_RUNTIME: {
          return make7(self.id);
        }
        case OP_COMPOSITE: {
          return pipe(ids(self.left), union3(ids(self.right)));
        }
      }
    };
    _fiberCounter = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Fiber/Id/_fiberCounter"), () => make11(0));
    threadName = (self) => {
      const identifiers = Array.from(ids(self)).map((n2) => `#${n2}`).join(",");
      return identifiers;
    };
    unsafeMake = () => {
      const id2 = get6(_fiberCounter);
      pipe(_fiberCounter, set2(id2 + 1));
      return new Runtime(id2, Date.now());
    };
  }
});

// node_modules/effect/dist/esm/FiberId.js
var none4, combine3, combineAll2, threadName2, unsafeMake2;
var init_FiberId = __esm({
  "node_modules/effect/dist/esm/FiberId.js"() {
    init_fiberId();
    none4 = none3;
    combine3 = combine2;
    combineAll2 = combineAll;
    threadName2 = threadName;
    unsafeMake2 = unsafeMake;
  }
});

// node_modules/effect/dist/esm/HashMap.js
var empty9, fromIterable6, isEmpty4, get7, set3, keys3, modifyAt2, map10, forEach3, reduce7;
var init_HashMap = __esm({
  "node_modules/effect/dist/esm/HashMap.js"() {
    init_hashMap();
    empty9 = empty3;
    fromIterable6 = fromIterable3;
    isEmpty4 = isEmpty2;
    get7 = get3;
    set3 = set;
    keys3 = keys2;
    modifyAt2 = modifyAt;
    map10 = map6;
    forEach3 = forEach;
    reduce7 = reduce3;
  }
});

// node_modules/effect/dist/esm/List.js
var TypeId7, toArray2, getEquivalence3, _equivalence4, ConsProto, makeCons, NilHash, NilProto, _Nil, isList, isNil, isCons, nil, cons, empty10, of3, appendAll3, prepend3, prependAll, reduce8, reverse3;
var init_List = __esm({
  "node_modules/effect/dist/esm/List.js"() {
    init_Array();
    init_Equal();
    init_Equivalence();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    TypeId7 = /* @__PURE__ */ Symbol.for("effect/List");
    toArray2 = (self) => fromIterable(self);
    getEquivalence3 = (isEquivalent) => mapInput(getEquivalence(isEquivalent), toArray2);
    _equivalence4 = /* @__PURE__ */ getEquivalence3(equals);
    ConsProto = {
      [TypeId7]: TypeId7,
      _tag: "Cons",
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "List",
          _tag: "Cons",
          values: toArray2(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      [symbol2](that) {
        return isList(that) && this._tag === that._tag && _equivalence4(this, that);
      },
      [symbol]() {
        return cached(this, array2(toArray2(this)));
      },
      [Symbol.iterator]() {
        let done7 = false;
        let self = this;
        return {
          next() {
            if (done7) {
              return this.return();
            }
            if (self._tag === "Nil") {
              done7 = true;
              return this.return();
            }
            const value2 = self.head;
            self = self.tail;
            return {
              done: done7,
              value: value2
            };
          },
          return(value2) {
            if (!done7) {
              done7 = true;
            }
            return {
              done: true,
              value: value2
            };
          }
        };
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeCons = (head7, tail) => {
      const cons2 = Object.create(ConsProto);
      cons2.head = head7;
      cons2.tail = tail;
      return cons2;
    };
    NilHash = /* @__PURE__ */ string("Nil");
    NilProto = {
      [TypeId7]: TypeId7,
      _tag: "Nil",
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "List",
          _tag: "Nil"
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      [symbol]() {
        return NilHash;
      },
      [symbol2](that) {
        return isList(that) && this._tag === that._tag;
      },
      [Symbol.iterator]() {
        return {
          next() {
            return {
              done: true,
              value: void 0
            };
          }
        };
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    _Nil = /* @__PURE__ */ Object.create(NilProto);
    isList = (u) => hasProperty(u, TypeId7);
    isNil = (self) => self._tag === "Nil";
    isCons = (self) => self._tag === "Cons";
    nil = () => _Nil;
    cons = (head7, tail) => makeCons(head7, tail);
    empty10 = nil;
    of3 = (value2) => makeCons(value2, _Nil);
    appendAll3 = /* @__PURE__ */ dual(2, (self, that) => prependAll(that, self));
    prepend3 = /* @__PURE__ */ dual(2, (self, element) => cons(element, self));
    prependAll = /* @__PURE__ */ dual(2, (self, prefix) => {
      if (isNil(self)) {
        return prefix;
      } else if (isNil(prefix)) {
        return self;
      } else {
        const result = makeCons(prefix.head, self);
        let curr = result;
        let that = prefix.tail;
        while (!isNil(that)) {
          const temp = makeCons(that.head, self);
          curr.tail = temp;
          curr = temp;
          that = that.tail;
        }
        return result;
      }
    });
    reduce8 = /* @__PURE__ */ dual(3, (self, zero2, f) => {
      let acc = zero2;
      let these = self;
      while (!isNil(these)) {
        acc = f(acc, these.head);
        these = these.tail;
      }
      return acc;
    });
    reverse3 = (self) => {
      let result = empty10();
      let these = self;
      while (!isNil(these)) {
        result = prepend3(result, these.head);
        these = these.tail;
      }
      return result;
    };
  }
});

// node_modules/effect/dist/esm/internal/data.js
var ArrayProto, Structural;
var init_data = __esm({
  "node_modules/effect/dist/esm/internal/data.js"() {
    init_Equal();
    init_Hash();
    init_effectable();
    ArrayProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(Array.prototype), {
      [symbol]() {
        return cached(this, array2(this));
      },
      [symbol2](that) {
        if (Array.isArray(that) && this.length === that.length) {
          return this.every((v, i) => equals(v, that[i]));
        } else {
          return false;
        }
      }
    });
    Structural = /* @__PURE__ */ (function() {
      function Structural2(args2) {
        if (args2) {
          Object.assign(this, args2);
        }
      }
      Structural2.prototype = StructuralPrototype;
      return Structural2;
    })();
  }
});

// node_modules/effect/dist/esm/internal/differ/contextPatch.js
function variance2(a) {
  return a;
}
var ContextPatchTypeId, PatchProto, EmptyProto, _empty5, empty11, AndThenProto, makeAndThen, AddServiceProto, makeAddService, RemoveServiceProto, makeRemoveService, UpdateServiceProto, makeUpdateService, diff, combine4, patch;
var init_contextPatch = __esm({
  "node_modules/effect/dist/esm/internal/differ/contextPatch.js"() {
    init_Chunk();
    init_Equal();
    init_Function();
    init_context();
    init_data();
    ContextPatchTypeId = /* @__PURE__ */ Symbol.for("effect/DifferContextPatch");
    PatchProto = {
      ...Structural.prototype,
      [ContextPatchTypeId]: {
        _Value: variance2,
        _Patch: variance2
      }
    };
    EmptyProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto), {
      _tag: "Empty"
    });
    _empty5 = /* @__PURE__ */ Object.create(EmptyProto);
    empty11 = () => _empty5;
    AndThenProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto), {
      _tag: "AndThen"
    });
    makeAndThen = (first2, second) => {
      const o = Object.create(AndThenProto);
      o.first = first2;
      o.second = second;
      return o;
    };
    AddServiceProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto), {
      _tag: "AddService"
    });
    makeAddService = (key, service2) => {
      const o = Object.create(AddServiceProto);
      o.key = key;
      o.service = service2;
      return o;
    };
    RemoveServiceProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto), {
      _tag: "RemoveService"
    });
    makeRemoveService = (key) => {
      const o = Object.create(RemoveServiceProto);
      o.key = key;
      return o;
    };
    UpdateServiceProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto), {
      _tag: "UpdateService"
    });
    makeUpdateService = (key, update5) => {
      const o = Object.create(UpdateServiceProto);
      o.key = key;
      o.update = update5;
      return o;
    };
    diff = (oldValue, newValue) => {
      const missingServices = new Map(oldValue.unsafeMap);
      let patch11 = empty11();
      for (const [tag2, newService] of newValue.unsafeMap.entries()) {
        if (missingServices.has(tag2)) {
          const old = missingServices.get(tag2);
          missingServices.delete(tag2);
          if (!equals(old, newService)) {
            patch11 = combine4(makeUpdateService(tag2, () => newService))(patch11);
          }
        } else {
          missingServices.delete(tag2);
          patch11 = combine4(makeAddService(tag2, newService))(patch11);
        }
      }
      for (const [tag2] of missingServices.entries()) {
        patch11 = combine4(makeRemoveService(tag2))(patch11);
      }
      return patch11;
    };
    combine4 = /* @__PURE__ */ dual(2, (self, that) => makeAndThen(self, that));
    patch = /* @__PURE__ */ dual(2, (self, context5) => {
      if (self._tag === "Empty") {
        return context5;
      }
      let wasServiceUpdated = false;
      let patches = of2(self);
      const updatedContext = new Map(context5.unsafeMap);
      while (isNonEmpty(patches)) {
        const head7 = headNonEmpty2(patches);
        const tail = tailNonEmpty2(patches);
        switch (head7._tag) {
          case "Empty": {
            patches = tail;
            break;
          }
          case "AddService": {
            updatedContext.set(head7.key, head7.service);
            patches = tail;
            break;
          }
          case "AndThen": {
            patches = prepend2(prepend2(tail, head7.second), head7.first);
            break;
          }
          case "RemoveService": {
            updatedContext.delete(head7.key);
            patches = tail;
            break;
          }
          case "UpdateService": {
            updatedContext.set(head7.key, head7.update(updatedContext.get(head7.key)));
            wasServiceUpdated = true;
            patches = tail;
            break;
          }
        }
      }
      if (!wasServiceUpdated) {
        return makeContext(updatedContext);
      }
      const map22 = /* @__PURE__ */ new Map();
      for (const [tag2] of context5.unsafeMap) {
        if (updatedContext.has(tag2)) {
          map22.set(tag2, updatedContext.get(tag2));
          updatedContext.delete(tag2);
        }
      }
      for (const [tag2, s] of updatedContext) {
        map22.set(tag2, s);
      }
      return makeContext(map22);
    });
  }
});

// node_modules/effect/dist/esm/internal/differ/hashSetPatch.js
function variance3(a) {
  return a;
}
var HashSetPatchTypeId, PatchProto2, EmptyProto2, _empty6, empty12, AndThenProto2, makeAndThen2, AddProto, makeAdd, RemoveProto, makeRemove, diff2, combine5, patch2;
var init_hashSetPatch = __esm({
  "node_modules/effect/dist/esm/internal/differ/hashSetPatch.js"() {
    init_Chunk();
    init_Function();
    init_HashSet();
    init_data();
    HashSetPatchTypeId = /* @__PURE__ */ Symbol.for("effect/DifferHashSetPatch");
    PatchProto2 = {
      ...Structural.prototype,
      [HashSetPatchTypeId]: {
        _Value: variance3,
        _Key: variance3,
        _Patch: variance3
      }
    };
    EmptyProto2 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto2), {
      _tag: "Empty"
    });
    _empty6 = /* @__PURE__ */ Object.create(EmptyProto2);
    empty12 = () => _empty6;
    AndThenProto2 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto2), {
      _tag: "AndThen"
    });
    makeAndThen2 = (first2, second) => {
      const o = Object.create(AndThenProto2);
      o.first = first2;
      o.second = second;
      return o;
    };
    AddProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto2), {
      _tag: "Add"
    });
    makeAdd = (value2) => {
      const o = Object.create(AddProto);
      o.value = value2;
      return o;
    };
    RemoveProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto2), {
      _tag: "Remove"
    });
    makeRemove = (value2) => {
      const o = Object.create(RemoveProto);
      o.value = value2;
      return o;
    };
    diff2 = (oldValue, newValue) => {
      const [removed, patch11] = reduce5([oldValue, empty12()], ([set10, patch12], value2) => {
        if (has3(value2)(set10)) {
          return [remove4(value2)(set10), patch12];
        }
        return [set10, combine5(makeAdd(value2))(patch12)];
      })(newValue);
      return reduce5(patch11, (patch12, value2) => combine5(makeRemove(value2))(patch12))(removed);
    };
    combine5 = /* @__PURE__ */ dual(2, (self, that) => makeAndThen2(self, that));
    patch2 = /* @__PURE__ */ dual(2, (self, oldValue) => {
      if (self._tag === "Empty") {
        return oldValue;
      }
      let set10 = oldValue;
      let patches = of2(self);
      while (isNonEmpty(patches)) {
        const head7 = headNonEmpty2(patches);
        const tail = tailNonEmpty2(patches);
        switch (head7._tag) {
          case "Empty": {
            patches = tail;
            break;
          }
          case "AndThen": {
            patches = prepend2(head7.first)(prepend2(head7.second)(tail));
            break;
          }
          case "Add": {
            set10 = add2(head7.value)(set10);
            patches = tail;
            break;
          }
          case "Remove": {
            set10 = remove4(head7.value)(set10);
            patches = tail;
          }
        }
      }
      return set10;
    });
  }
});

// node_modules/effect/dist/esm/internal/differ/readonlyArrayPatch.js
function variance4(a) {
  return a;
}
var ReadonlyArrayPatchTypeId, PatchProto3, EmptyProto3, _empty7, empty13, AndThenProto3, makeAndThen3, AppendProto, makeAppend, SliceProto, makeSlice, UpdateProto, makeUpdate, diff3, combine6, patch3;
var init_readonlyArrayPatch = __esm({
  "node_modules/effect/dist/esm/internal/differ/readonlyArrayPatch.js"() {
    init_Array();
    init_Equal();
    init_Function();
    init_data();
    ReadonlyArrayPatchTypeId = /* @__PURE__ */ Symbol.for("effect/DifferReadonlyArrayPatch");
    PatchProto3 = {
      ...Structural.prototype,
      [ReadonlyArrayPatchTypeId]: {
        _Value: variance4,
        _Patch: variance4
      }
    };
    EmptyProto3 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto3), {
      _tag: "Empty"
    });
    _empty7 = /* @__PURE__ */ Object.create(EmptyProto3);
    empty13 = () => _empty7;
    AndThenProto3 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto3), {
      _tag: "AndThen"
    });
    makeAndThen3 = (first2, second) => {
      const o = Object.create(AndThenProto3);
      o.first = first2;
      o.second = second;
      return o;
    };
    AppendProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto3), {
      _tag: "Append"
    });
    makeAppend = (values3) => {
      const o = Object.create(AppendProto);
      o.values = values3;
      return o;
    };
    SliceProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto3), {
      _tag: "Slice"
    });
    makeSlice = (from, until) => {
      const o = Object.create(SliceProto);
      o.from = from;
      o.until = until;
      return o;
    };
    UpdateProto = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(PatchProto3), {
      _tag: "Update"
    });
    makeUpdate = (index, patch11) => {
      const o = Object.create(UpdateProto);
      o.index = index;
      o.patch = patch11;
      return o;
    };
    diff3 = (options3) => {
      let i = 0;
      let patch11 = empty13();
      while (i < options3.oldValue.length && i < options3.newValue.length) {
        const oldElement = options3.oldValue[i];
        const newElement = options3.newValue[i];
        const valuePatch = options3.differ.diff(oldElement, newElement);
        if (!equals(valuePatch, options3.differ.empty)) {
          patch11 = combine6(patch11, makeUpdate(i, valuePatch));
        }
        i = i + 1;
      }
      if (i < options3.oldValue.length) {
        patch11 = combine6(patch11, makeSlice(0, i));
      }
      if (i < options3.newValue.length) {
        patch11 = combine6(patch11, makeAppend(drop(i)(options3.newValue)));
      }
      return patch11;
    };
    combine6 = /* @__PURE__ */ dual(2, (self, that) => makeAndThen3(self, that));
    patch3 = /* @__PURE__ */ dual(3, (self, oldValue, differ3) => {
      if (self._tag === "Empty") {
        return oldValue;
      }
      let readonlyArray2 = oldValue.slice();
      let patches = of(self);
      while (isNonEmptyArray2(patches)) {
        const head7 = headNonEmpty(patches);
        const tail = tailNonEmpty(patches);
        switch (head7._tag) {
          case "Empty": {
            patches = tail;
            break;
          }
          case "AndThen": {
            tail.unshift(head7.first, head7.second);
            patches = tail;
            break;
          }
          case "Append": {
            for (const value2 of head7.values) {
              readonlyArray2.push(value2);
            }
            patches = tail;
            break;
          }
          case "Slice": {
            readonlyArray2 = readonlyArray2.slice(head7.from, head7.until);
            patches = tail;
            break;
          }
          case "Update": {
            readonlyArray2[head7.index] = differ3.patch(head7.patch, readonlyArray2[head7.index]);
            patches = tail;
            break;
          }
        }
      }
      return readonlyArray2;
    });
  }
});

// node_modules/effect/dist/esm/internal/differ.js
var DifferTypeId, DifferProto, make14, environment, hashSet, readonlyArray, update, updateWith;
var init_differ = __esm({
  "node_modules/effect/dist/esm/internal/differ.js"() {
    init_Equal();
    init_Function();
    init_Pipeable();
    init_contextPatch();
    init_hashSetPatch();
    init_readonlyArrayPatch();
    DifferTypeId = /* @__PURE__ */ Symbol.for("effect/Differ");
    DifferProto = {
      [DifferTypeId]: {
        _P: identity,
        _V: identity
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make14 = (params) => {
      const differ3 = Object.create(DifferProto);
      differ3.empty = params.empty;
      differ3.diff = params.diff;
      differ3.combine = params.combine;
      differ3.patch = params.patch;
      return differ3;
    };
    environment = () => make14({
      empty: empty11(),
      combine: (first2, second) => combine4(second)(first2),
      diff: (oldValue, newValue) => diff(oldValue, newValue),
      patch: (patch11, oldValue) => patch(oldValue)(patch11)
    });
    hashSet = () => make14({
      empty: empty12(),
      combine: (first2, second) => combine5(second)(first2),
      diff: (oldValue, newValue) => diff2(oldValue, newValue),
      patch: (patch11, oldValue) => patch2(oldValue)(patch11)
    });
    readonlyArray = (differ3) => make14({
      empty: empty13(),
      combine: (first2, second) => combine6(first2, second),
      diff: (oldValue, newValue) => diff3({
        oldValue,
        newValue,
        differ: differ3
      }),
      patch: (patch11, oldValue) => patch3(patch11, oldValue, differ3)
    });
    update = () => updateWith((_, a) => a);
    updateWith = (f) => make14({
      empty: identity,
      combine: (first2, second) => {
        if (first2 === identity) {
          return second;
        }
        if (second === identity) {
          return first2;
        }
        return (a) => second(first2(a));
      },
      diff: (oldValue, newValue) => {
        if (equals(oldValue, newValue)) {
          return identity;
        }
        return constant(newValue);
      },
      patch: (patch11, oldValue) => f(oldValue, patch11(oldValue))
    });
  }
});

// node_modules/effect/dist/esm/internal/runtimeFlagsPatch.js
var BIT_MASK, BIT_SHIFT, active, enabled, make15, empty14, enable, disable, exclude, andThen, invert;
var init_runtimeFlagsPatch = __esm({
  "node_modules/effect/dist/esm/internal/runtimeFlagsPatch.js"() {
    init_Function();
    BIT_MASK = 255;
    BIT_SHIFT = 8;
    active = (patch11) => patch11 & BIT_MASK;
    enabled = (patch11) => patch11 >> BIT_SHIFT & BIT_MASK;
    make15 = (active2, enabled2) => (active2 & BIT_MASK) + ((enabled2 & active2 & BIT_MASK) << BIT_SHIFT);
    empty14 = /* @__PURE__ */ make15(0, 0);
    enable = (flag) => make15(flag, flag);
    disable = (flag) => make15(flag, 0);
    exclude = /* @__PURE__ */ dual(2, (self, flag) => make15(active(self) & ~flag, enabled(self)));
    andThen = /* @__PURE__ */ dual(2, (self, that) => self | that);
    invert = (n2) => ~n2 >>> 0 & BIT_MASK;
  }
});

// node_modules/effect/dist/esm/internal/runtimeFlags.js
var None2, Interruption, OpSupervision, RuntimeMetrics, WindDown, CooperativeYielding, cooperativeYielding, disable2, enable2, interruptible, interruption, isEnabled, make16, none5, runtimeMetrics, windDown, diff4, patch4, differ;
var init_runtimeFlags = __esm({
  "node_modules/effect/dist/esm/internal/runtimeFlags.js"() {
    init_Function();
    init_differ();
    init_runtimeFlagsPatch();
    None2 = 0;
    Interruption = 1 << 0;
    OpSupervision = 1 << 1;
    RuntimeMetrics = 1 << 2;
    WindDown = 1 << 4;
    CooperativeYielding = 1 << 5;
    cooperativeYielding = (self) => isEnabled(self, CooperativeYielding);
    disable2 = /* @__PURE__ */ dual(2, (self, flag) => self & ~flag);
    enable2 = /* @__PURE__ */ dual(2, (self, flag) => self | flag);
    interruptible = (self) => interruption(self) && !windDown(self);
    interruption = (self) => isEnabled(self, Interruption);
    isEnabled = /* @__PURE__ */ dual(2, (self, flag) => (self & flag) !== 0);
    make16 = (...flags) => flags.reduce((a, b) => a | b, 0);
    none5 = /* @__PURE__ */ make16(None2);
    runtimeMetrics = (self) => isEnabled(self, RuntimeMetrics);
    windDown = (self) => isEnabled(self, WindDown);
    diff4 = /* @__PURE__ */ dual(2, (self, that) => make15(self ^ that, that));
    patch4 = /* @__PURE__ */ dual(2, (self, patch11) => self & (invert(active(patch11)) | enabled(patch11)) | active(patch11) & enabled(patch11));
    differ = /* @__PURE__ */ make14({
      empty: empty14,
      diff: (oldValue, newValue) => diff4(oldValue, newValue),
      combine: (first2, second) => andThen(second)(first2),
      patch: (_patch, oldValue) => patch4(oldValue, _patch)
    });
  }
});

// node_modules/effect/dist/esm/RuntimeFlagsPatch.js
var enable3, disable3, exclude2;
var init_RuntimeFlagsPatch = __esm({
  "node_modules/effect/dist/esm/RuntimeFlagsPatch.js"() {
    init_runtimeFlagsPatch();
    enable3 = enable;
    disable3 = disable;
    exclude2 = exclude;
  }
});

// node_modules/effect/dist/esm/internal/blockedRequests.js
var par, seq, flatten2, step, merge4, EntryTypeId, EntryImpl, blockedRequestVariance, RequestBlockParallelTypeId, parallelVariance, ParallelImpl, parallelCollectionEmpty, parallelCollectionAdd, parallelCollectionCombine, parallelCollectionIsEmpty, parallelCollectionKeys, parallelCollectionToSequentialCollection, SequentialCollectionTypeId, sequentialVariance, SequentialImpl, sequentialCollectionMake, sequentialCollectionCombine, sequentialCollectionKeys, sequentialCollectionToChunk;
var init_blockedRequests = __esm({
  "node_modules/effect/dist/esm/internal/blockedRequests.js"() {
    init_Chunk();
    init_Equal();
    init_HashMap();
    init_List();
    init_Option();
    par = (self, that) => ({
      _tag: "Par",
      left: self,
      right: that
    });
    seq = (self, that) => ({
      _tag: "Seq",
      left: self,
      right: that
    });
    flatten2 = (self) => {
      let current = of3(self);
      let updated = empty10();
      while (1) {
        const [parallel4, sequential4] = reduce8(current, [parallelCollectionEmpty(), empty10()], ([parallel5, sequential5], blockedRequest) => {
          const [par2, seq2] = step(blockedRequest);
          return [parallelCollectionCombine(parallel5, par2), appendAll3(sequential5, seq2)];
        });
        updated = merge4(updated, parallel4);
        if (isNil(sequential4)) {
          return reverse3(updated);
        }
        current = sequential4;
      }
      throw new Error("BUG: BlockedRequests.flatten - please report an issue at https://github.com/Effect-TS/effect/issues");
    };
    step = (requests) => {
      let current = requests;
      let parallel4 = parallelCollectionEmpty();
      let stack = empty10();
      let sequential4 = empty10();
      while (1) {
        switch (current._tag) {
          case "Empty": {
            if (isNil(stack)) {
              return [parallel4, sequential4];
            }
            current = stack.head;
            stack = stack.tail;
            break;
          }
          case "Par": {
            stack = cons(current.right, stack);
            current = current.left;
            break;
          }
          case "Seq": {
            const left3 = current.left;
            const right3 = current.right;
            switch (left3._tag) {
              case "Empty": {
                current = right3;
                break;
              }
              case "Par": {
                const l = left3.left;
                const r = left3.right;
                current = par(seq(l, right3), seq(r, right3));
                break;
              }
              case "Seq": {
                const l = left3.left;
                const r = left3.right;
                current = seq(l, seq(r, right3));
                break;
              }
              case "Single": {
                current = left3;
                sequential4 = cons(right3, sequential4);
                break;
              }
            }
            break;
          }
          case "Single": {
            parallel4 = parallelCollectionAdd(parallel4, current);
            if (isNil(stack)) {
              return [parallel4, sequential4];
            }
            current = stack.head;
            stack = stack.tail;
            break;
          }
        }
      }
      throw new Error("BUG: BlockedRequests.step - please report an issue at https://github.com/Effect-TS/effect/issues");
    };
    merge4 = (sequential4, parallel4) => {
      if (isNil(sequential4)) {
        return of3(parallelCollectionToSequentialCollection(parallel4));
      }
      if (parallelCollectionIsEmpty(parallel4)) {
        return sequential4;
      }
      const seqHeadKeys = sequentialCollectionKeys(sequential4.head);
      const parKeys = parallelCollectionKeys(parallel4);
      if (seqHeadKeys.length === 1 && parKeys.length === 1 && equals(seqHeadKeys[0], parKeys[0])) {
        return cons(sequentialCollectionCombine(sequential4.head, parallelCollectionToSequentialCollection(parallel4)), sequential4.tail);
      }
      return cons(parallelCollectionToSequentialCollection(parallel4), sequential4);
    };
    EntryTypeId = /* @__PURE__ */ Symbol.for("effect/RequestBlock/Entry");
    EntryImpl = class {
      request;
      result;
      listeners;
      ownerId;
      state;
      [EntryTypeId] = blockedRequestVariance;
      constructor(request, result, listeners, ownerId, state) {
        this.request = request;
        this.result = result;
        this.listeners = listeners;
        this.ownerId = ownerId;
        this.state = state;
      }
    };
    blockedRequestVariance = {
      /* c8 ignore next */
      _R: (_) => _
    };
    RequestBlockParallelTypeId = /* @__PURE__ */ Symbol.for("effect/RequestBlock/RequestBlockParallel");
    parallelVariance = {
      /* c8 ignore next */
      _R: (_) => _
    };
    ParallelImpl = class {
      map;
      [RequestBlockParallelTypeId] = parallelVariance;
      constructor(map22) {
        this.map = map22;
      }
    };
    parallelCollectionEmpty = () => new ParallelImpl(empty9());
    parallelCollectionAdd = (self, blockedRequest) => new ParallelImpl(modifyAt2(self.map, blockedRequest.dataSource, (_) => orElseSome(map2(_, append2(blockedRequest.blockedRequest)), () => of2(blockedRequest.blockedRequest))));
    parallelCollectionCombine = (self, that) => new ParallelImpl(reduce7(self.map, that.map, (map22, value2, key) => set3(map22, key, match2(get7(map22, key), {
      onNone: () => value2,
      onSome: (other) => appendAll2(value2, other)
    }))));
    parallelCollectionIsEmpty = (self) => isEmpty4(self.map);
    parallelCollectionKeys = (self) => Array.from(keys3(self.map));
    parallelCollectionToSequentialCollection = (self) => sequentialCollectionMake(map10(self.map, (x) => of2(x)));
    SequentialCollectionTypeId = /* @__PURE__ */ Symbol.for("effect/RequestBlock/RequestBlockSequential");
    sequentialVariance = {
      /* c8 ignore next */
      _R: (_) => _
    };
    SequentialImpl = class {
      map;
      [SequentialCollectionTypeId] = sequentialVariance;
      constructor(map22) {
        this.map = map22;
      }
    };
    sequentialCollectionMake = (map22) => new SequentialImpl(map22);
    sequentialCollectionCombine = (self, that) => new SequentialImpl(reduce7(that.map, self.map, (map22, value2, key) => set3(map22, key, match2(get7(map22, key), {
      onNone: () => empty2(),
      onSome: (a) => appendAll2(a, value2)
    }))));
    sequentialCollectionKeys = (self) => Array.from(keys3(self.map));
    sequentialCollectionToChunk = (self) => Array.from(self.map);
  }
});

// node_modules/effect/dist/esm/internal/opCodes/deferred.js
var OP_STATE_PENDING, OP_STATE_DONE;
var init_deferred = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/deferred.js"() {
    OP_STATE_PENDING = "Pending";
    OP_STATE_DONE = "Done";
  }
});

// node_modules/effect/dist/esm/internal/deferred.js
var DeferredSymbolKey, DeferredTypeId, deferredVariance, pending, done;
var init_deferred2 = __esm({
  "node_modules/effect/dist/esm/internal/deferred.js"() {
    init_deferred();
    DeferredSymbolKey = "effect/Deferred";
    DeferredTypeId = /* @__PURE__ */ Symbol.for(DeferredSymbolKey);
    deferredVariance = {
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _A: (_) => _
    };
    pending = (joiners) => {
      return {
        _tag: OP_STATE_PENDING,
        joiners
      };
    };
    done = (effect3) => {
      return {
        _tag: OP_STATE_DONE,
        effect: effect3
      };
    };
  }
});

// node_modules/effect/dist/esm/internal/singleShotGen.js
var SingleShotGen2;
var init_singleShotGen = __esm({
  "node_modules/effect/dist/esm/internal/singleShotGen.js"() {
    SingleShotGen2 = class _SingleShotGen {
      self;
      called = false;
      constructor(self) {
        this.self = self;
      }
      next(a) {
        return this.called ? {
          value: a,
          done: true
        } : (this.called = true, {
          value: this.self,
          done: false
        });
      }
      return(a) {
        return {
          value: a,
          done: true
        };
      }
      throw(e) {
        throw e;
      }
      [Symbol.iterator]() {
        return new _SingleShotGen(this.self);
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/core.js
var blocked, runRequestBlock, EffectTypeId2, RevertFlags, EffectPrimitive, EffectPrimitiveFailure, EffectPrimitiveSuccess, isEffect, withFiberRuntime, acquireUseRelease, as, asVoid, custom, unsafeAsync, asyncInterrupt, async_, catchAllCause, catchAll, catchIf, originalSymbol, capture, die2, dieMessage, either2, exit, fail2, failSync, failCause, failCauseSync, fiberId, fiberIdWith, flatMap7, step2, flatten3, matchCause, matchCauseEffect, matchEffect, forEachSequential, forEachSequentialDiscard, interrupt2, interruptWith, interruptible2, intoDeferred, map11, mapBoth, mapError, onExit, onInterrupt, orElse2, orDie, orDieWith, runtimeFlags, succeed, suspend, sync, tap, transplant, attemptOrElse, uninterruptible, uninterruptibleMask, void_, updateRuntimeFlags, whenEffect, whileLoop, fromIterator, gen, fnUntraced, withRuntimeFlags, yieldNow, zip2, zipLeft, zipRight, zipWith2, never, interruptFiber, interruptAsFiber, logLevelAll, logLevelFatal, logLevelError, logLevelWarning, logLevelInfo, logLevelDebug, logLevelTrace, logLevelNone, FiberRefSymbolKey, FiberRefTypeId, fiberRefVariance, fiberRefGet, fiberRefGetWith, fiberRefSet, fiberRefModify, RequestResolverSymbolKey, RequestResolverTypeId, requestResolverVariance, RequestResolverImpl, isRequestResolver, fiberRefLocally, fiberRefLocallyWith, fiberRefUnsafeMake, fiberRefUnsafeMakeHashSet, fiberRefUnsafeMakeReadonlyArray, fiberRefUnsafeMakeContext, fiberRefUnsafeMakePatch, fiberRefUnsafeMakeRuntimeFlags, currentContext, currentSchedulingPriority, currentMaxOpsBeforeYield, currentLogAnnotations, currentLogLevel, currentLogSpan, withSchedulingPriority, currentConcurrency, currentRequestBatching, currentUnhandledErrorLogLevel, currentVersionMismatchErrorLogLevel, currentMetricLabels, currentForkScopeOverride, currentInterruptedCause, currentTracerEnabled, currentTracerTimingEnabled, currentTracerSpanAnnotations, currentTracerSpanLinks, ScopeTypeId, CloseableScopeTypeId, scopeAddFinalizer, scopeAddFinalizerExit, scopeClose, scopeFork, YieldableError, makeException, RuntimeExceptionTypeId, RuntimeException, InterruptedExceptionTypeId, InterruptedException, isInterruptedException, IllegalArgumentExceptionTypeId, IllegalArgumentException, NoSuchElementExceptionTypeId, NoSuchElementException, InvalidPubSubCapacityExceptionTypeId, InvalidPubSubCapacityException, ExceededCapacityExceptionTypeId, ExceededCapacityException, TimeoutExceptionTypeId, TimeoutException, timeoutExceptionFromDuration, UnknownExceptionTypeId, UnknownException, exitIsExit, exitIsFailure, exitIsSuccess, exitAs, exitAsVoid, exitCollectAll, exitDie, exitFail, exitFailCause, exitFlatMap, exitFlatten, exitInterrupt, exitMap, exitMatch, exitMatchEffect, exitSucceed, exitVoid, exitZip, exitZipRight, exitZipWith, exitCollectAllInternal, deferredUnsafeMake, deferredMake, deferredMakeAs, deferredAwait, deferredCompleteWith, deferredDone, deferredFailCause, deferredInterruptWith, deferredIsDone, deferredSucceed, deferredUnsafeDone, deferredInterruptJoiner, constContext, context, contextWithEffect, provideContext, provideSomeContext, mapInputContext, currentSpanFromFiber, NoopSpanProto, noopSpan;
var init_core = __esm({
  "node_modules/effect/dist/esm/internal/core.js"() {
    init_Array();
    init_Chunk();
    init_Context();
    init_Duration();
    init_Either();
    init_Equal();
    init_FiberId();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_HashMap();
    init_Inspectable();
    init_List();
    init_MutableRef();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_RuntimeFlagsPatch();
    init_Utils();
    init_cause2();
    init_deferred2();
    init_differ();
    init_effectable();
    init_errors();
    init_deferred();
    init_effect();
    init_runtimeFlags();
    init_singleShotGen();
    blocked = (blockedRequests, _continue3) => {
      const effect3 = new EffectPrimitive("Blocked");
      effect3.effect_instruction_i0 = blockedRequests;
      effect3.effect_instruction_i1 = _continue3;
      return effect3;
    };
    runRequestBlock = (blockedRequests) => {
      const effect3 = new EffectPrimitive("RunBlocked");
      effect3.effect_instruction_i0 = blockedRequests;
      return effect3;
    };
    EffectTypeId2 = /* @__PURE__ */ Symbol.for("effect/Effect");
    RevertFlags = class {
      patch;
      op;
      _op = OP_REVERT_FLAGS;
      constructor(patch11, op) {
        this.patch = patch11;
        this.op = op;
      }
    };
    EffectPrimitive = class {
      _op;
      effect_instruction_i0 = void 0;
      effect_instruction_i1 = void 0;
      effect_instruction_i2 = void 0;
      trace = void 0;
      [EffectTypeId2] = effectVariance;
      constructor(_op) {
        this._op = _op;
      }
      [symbol2](that) {
        return this === that;
      }
      [symbol]() {
        return cached(this, random(this));
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      toJSON() {
        return {
          _id: "Effect",
          _op: this._op,
          effect_instruction_i0: toJSON(this.effect_instruction_i0),
          effect_instruction_i1: toJSON(this.effect_instruction_i1),
          effect_instruction_i2: toJSON(this.effect_instruction_i2)
        };
      }
      toString() {
        return format(this.toJSON());
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
      [Symbol.iterator]() {
        return new SingleShotGen2(new YieldWrap(this));
      }
    };
    EffectPrimitiveFailure = class {
      _op;
      effect_instruction_i0 = void 0;
      effect_instruction_i1 = void 0;
      effect_instruction_i2 = void 0;
      trace = void 0;
      [EffectTypeId2] = effectVariance;
      constructor(_op) {
        this._op = _op;
        this._tag = _op;
      }
      [symbol2](that) {
        return exitIsExit(that) && that._op === "Failure" && // @ts-expect-error
        equals(this.effect_instruction_i0, that.effect_instruction_i0);
      }
      [symbol]() {
        return pipe(
          // @ts-expect-error
          string(this._tag),
          // @ts-expect-error
          combine(hash(this.effect_instruction_i0)),
          cached(this)
        );
      }
      get cause() {
        return this.effect_instruction_i0;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      toJSON() {
        return {
          _id: "Exit",
          _tag: this._op,
          cause: this.cause.toJSON()
        };
      }
      toString() {
        return format(this.toJSON());
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
      [Symbol.iterator]() {
        return new SingleShotGen2(new YieldWrap(this));
      }
    };
    EffectPrimitiveSuccess = class {
      _op;
      effect_instruction_i0 = void 0;
      effect_instruction_i1 = void 0;
      effect_instruction_i2 = void 0;
      trace = void 0;
      [EffectTypeId2] = effectVariance;
      constructor(_op) {
        this._op = _op;
        this._tag = _op;
      }
      [symbol2](that) {
        return exitIsExit(that) && that._op === "Success" && // @ts-expect-error
        equals(this.effect_instruction_i0, that.effect_instruction_i0);
      }
      [symbol]() {
        return pipe(
          // @ts-expect-error
          string(this._tag),
          // @ts-expect-error
          combine(hash(this.effect_instruction_i0)),
          cached(this)
        );
      }
      get value() {
        return this.effect_instruction_i0;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      toJSON() {
        return {
          _id: "Exit",
          _tag: this._op,
          value: toJSON(this.value)
        };
      }
      toString() {
        return format(this.toJSON());
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
      [Symbol.iterator]() {
        return new SingleShotGen2(new YieldWrap(this));
      }
    };
    isEffect = (u) => hasProperty(u, EffectTypeId2);
    withFiberRuntime = (withRuntime) => {
      const effect3 = new EffectPrimitive(OP_WITH_RUNTIME);
      effect3.effect_instruction_i0 = withRuntime;
      return effect3;
    };
    acquireUseRelease = /* @__PURE__ */ dual(3, (acquire, use, release) => uninterruptibleMask((restore) => flatMap7(acquire, (a) => flatMap7(exit(suspend(() => restore(use(a)))), (exit4) => {
      return suspend(() => release(a, exit4)).pipe(matchCauseEffect({
        onFailure: (cause2) => {
          switch (exit4._tag) {
            case OP_FAILURE:
              return failCause(sequential(exit4.effect_instruction_i0, cause2));
            case OP_SUCCESS:
              return failCause(cause2);
          }
        },
        onSuccess: () => exit4
      }));
    }))));
    as = /* @__PURE__ */ dual(2, (self, value2) => flatMap7(self, () => succeed(value2)));
    asVoid = (self) => as(self, void 0);
    custom = function() {
      const wrapper = new EffectPrimitive(OP_COMMIT);
      switch (arguments.length) {
        case 2: {
          wrapper.effect_instruction_i0 = arguments[0];
          wrapper.commit = arguments[1];
          break;
        }
        case 3: {
          wrapper.effect_instruction_i0 = arguments[0];
          wrapper.effect_instruction_i1 = arguments[1];
          wrapper.commit = arguments[2];
          break;
        }
        case 4: {
          wrapper.effect_instruction_i0 = arguments[0];
          wrapper.effect_instruction_i1 = arguments[1];
          wrapper.effect_instruction_i2 = arguments[2];
          wrapper.commit = arguments[3];
          break;
        }
        default: {
          throw new Error(getBugErrorMessage("you're not supposed to end up here"));
        }
      }
      return wrapper;
    };
    unsafeAsync = (register, blockingOn = none4) => {
      const effect3 = new EffectPrimitive(OP_ASYNC);
      let cancelerRef = void 0;
      effect3.effect_instruction_i0 = (resume2) => {
        cancelerRef = register(resume2);
      };
      effect3.effect_instruction_i1 = blockingOn;
      return onInterrupt(effect3, (_) => isEffect(cancelerRef) ? cancelerRef : void_);
    };
    asyncInterrupt = (register, blockingOn = none4) => suspend(() => unsafeAsync(register, blockingOn));
    async_ = (resume2, blockingOn = none4) => {
      return custom(resume2, function() {
        let backingResume = void 0;
        let pendingEffect = void 0;
        function proxyResume(effect4) {
          if (backingResume) {
            backingResume(effect4);
          } else if (pendingEffect === void 0) {
            pendingEffect = effect4;
          }
        }
        const effect3 = new EffectPrimitive(OP_ASYNC);
        effect3.effect_instruction_i0 = (resume3) => {
          backingResume = resume3;
          if (pendingEffect) {
            resume3(pendingEffect);
          }
        };
        effect3.effect_instruction_i1 = blockingOn;
        let cancelerRef = void 0;
        let controllerRef = void 0;
        if (this.effect_instruction_i0.length !== 1) {
          controllerRef = new AbortController();
          cancelerRef = internalCall(() => this.effect_instruction_i0(proxyResume, controllerRef.signal));
        } else {
          cancelerRef = internalCall(() => this.effect_instruction_i0(proxyResume));
        }
        return cancelerRef || controllerRef ? onInterrupt(effect3, (_) => {
          if (controllerRef) {
            controllerRef.abort();
          }
          return cancelerRef ?? void_;
        }) : effect3;
      });
    };
    catchAllCause = /* @__PURE__ */ dual(2, (self, f) => {
      const effect3 = new EffectPrimitive(OP_ON_FAILURE);
      effect3.effect_instruction_i0 = self;
      effect3.effect_instruction_i1 = f;
      return effect3;
    });
    catchAll = /* @__PURE__ */ dual(2, (self, f) => matchEffect(self, {
      onFailure: f,
      onSuccess: succeed
    }));
    catchIf = /* @__PURE__ */ dual(3, (self, predicate, f) => catchAllCause(self, (cause2) => {
      const either5 = failureOrCause(cause2);
      switch (either5._tag) {
        case "Left":
          return predicate(either5.left) ? f(either5.left) : failCause(cause2);
        case "Right":
          return failCause(either5.right);
      }
    }));
    originalSymbol = /* @__PURE__ */ Symbol.for("effect/OriginalAnnotation");
    capture = (obj, span2) => {
      if (isSome2(span2)) {
        return new Proxy(obj, {
          has(target, p) {
            return p === spanSymbol || p === originalSymbol || p in target;
          },
          get(target, p) {
            if (p === spanSymbol) {
              return span2.value;
            }
            if (p === originalSymbol) {
              return obj;
            }
            return target[p];
          }
        });
      }
      return obj;
    };
    die2 = (defect) => isObject(defect) && !(spanSymbol in defect) ? withFiberRuntime((fiber) => failCause(die(capture(defect, currentSpanFromFiber(fiber))))) : failCause(die(defect));
    dieMessage = (message) => failCauseSync(() => die(new RuntimeException(message)));
    either2 = (self) => matchEffect(self, {
      onFailure: (e) => succeed(left2(e)),
      onSuccess: (a) => succeed(right2(a))
    });
    exit = (self) => matchCause(self, {
      onFailure: exitFailCause,
      onSuccess: exitSucceed
    });
    fail2 = (error) => isObject(error) && !(spanSymbol in error) ? withFiberRuntime((fiber) => failCause(fail(capture(error, currentSpanFromFiber(fiber))))) : failCause(fail(error));
    failSync = (evaluate3) => flatMap7(sync(evaluate3), fail2);
    failCause = (cause2) => {
      const effect3 = new EffectPrimitiveFailure(OP_FAILURE);
      effect3.effect_instruction_i0 = cause2;
      return effect3;
    };
    failCauseSync = (evaluate3) => flatMap7(sync(evaluate3), failCause);
    fiberId = /* @__PURE__ */ withFiberRuntime((state) => succeed(state.id()));
    fiberIdWith = (f) => withFiberRuntime((state) => f(state.id()));
    flatMap7 = /* @__PURE__ */ dual(2, (self, f) => {
      const effect3 = new EffectPrimitive(OP_ON_SUCCESS);
      effect3.effect_instruction_i0 = self;
      effect3.effect_instruction_i1 = f;
      return effect3;
    });
    step2 = (self) => {
      const effect3 = new EffectPrimitive("OnStep");
      effect3.effect_instruction_i0 = self;
      return effect3;
    };
    flatten3 = (self) => flatMap7(self, identity);
    matchCause = /* @__PURE__ */ dual(2, (self, options3) => matchCauseEffect(self, {
      onFailure: (cause2) => succeed(options3.onFailure(cause2)),
      onSuccess: (a) => succeed(options3.onSuccess(a))
    }));
    matchCauseEffect = /* @__PURE__ */ dual(2, (self, options3) => {
      const effect3 = new EffectPrimitive(OP_ON_SUCCESS_AND_FAILURE);
      effect3.effect_instruction_i0 = self;
      effect3.effect_instruction_i1 = options3.onFailure;
      effect3.effect_instruction_i2 = options3.onSuccess;
      return effect3;
    });
    matchEffect = /* @__PURE__ */ dual(2, (self, options3) => matchCauseEffect(self, {
      onFailure: (cause2) => {
        const defects2 = defects(cause2);
        if (defects2.length > 0) {
          return failCause(electFailures(cause2));
        }
        const failures2 = failures(cause2);
        if (failures2.length > 0) {
          return options3.onFailure(unsafeHead(failures2));
        }
        return failCause(cause2);
      },
      onSuccess: options3.onSuccess
    }));
    forEachSequential = /* @__PURE__ */ dual(2, (self, f) => suspend(() => {
      const arr = fromIterable(self);
      const ret = allocate(arr.length);
      let i = 0;
      return as(whileLoop({
        while: () => i < arr.length,
        body: () => f(arr[i], i),
        step: (b) => {
          ret[i++] = b;
        }
      }), ret);
    }));
    forEachSequentialDiscard = /* @__PURE__ */ dual(2, (self, f) => suspend(() => {
      const arr = fromIterable(self);
      let i = 0;
      return whileLoop({
        while: () => i < arr.length,
        body: () => f(arr[i], i),
        step: () => {
          i++;
        }
      });
    }));
    interrupt2 = /* @__PURE__ */ flatMap7(fiberId, (fiberId2) => interruptWith(fiberId2));
    interruptWith = (fiberId2) => failCause(interrupt(fiberId2));
    interruptible2 = (self) => {
      const effect3 = new EffectPrimitive(OP_UPDATE_RUNTIME_FLAGS);
      effect3.effect_instruction_i0 = enable3(Interruption);
      effect3.effect_instruction_i1 = () => self;
      return effect3;
    };
    intoDeferred = /* @__PURE__ */ dual(2, (self, deferred) => uninterruptibleMask((restore) => flatMap7(exit(restore(self)), (exit4) => deferredDone(deferred, exit4))));
    map11 = /* @__PURE__ */ dual(2, (self, f) => flatMap7(self, (a) => sync(() => f(a))));
    mapBoth = /* @__PURE__ */ dual(2, (self, options3) => matchEffect(self, {
      onFailure: (e) => failSync(() => options3.onFailure(e)),
      onSuccess: (a) => sync(() => options3.onSuccess(a))
    }));
    mapError = /* @__PURE__ */ dual(2, (self, f) => matchCauseEffect(self, {
      onFailure: (cause2) => {
        const either5 = failureOrCause(cause2);
        switch (either5._tag) {
          case "Left": {
            return failSync(() => f(either5.left));
          }
          case "Right": {
            return failCause(either5.right);
          }
        }
      },
      onSuccess: succeed
    }));
    onExit = /* @__PURE__ */ dual(2, (self, cleanup) => uninterruptibleMask((restore) => matchCauseEffect(restore(self), {
      onFailure: (cause1) => {
        const result = exitFailCause(cause1);
        return matchCauseEffect(cleanup(result), {
          onFailure: (cause2) => exitFailCause(sequential(cause1, cause2)),
          onSuccess: () => result
        });
      },
      onSuccess: (success) => {
        const result = exitSucceed(success);
        return zipRight(cleanup(result), result);
      }
    })));
    onInterrupt = /* @__PURE__ */ dual(2, (self, cleanup) => onExit(self, exitMatch({
      onFailure: (cause2) => isInterruptedOnly(cause2) ? asVoid(cleanup(interruptors(cause2))) : void_,
      onSuccess: () => void_
    })));
    orElse2 = /* @__PURE__ */ dual(2, (self, that) => attemptOrElse(self, that, succeed));
    orDie = (self) => orDieWith(self, identity);
    orDieWith = /* @__PURE__ */ dual(2, (self, f) => matchEffect(self, {
      onFailure: (e) => die2(f(e)),
      onSuccess: succeed
    }));
    runtimeFlags = /* @__PURE__ */ withFiberRuntime((_, status2) => succeed(status2.runtimeFlags));
    succeed = (value2) => {
      const effect3 = new EffectPrimitiveSuccess(OP_SUCCESS);
      effect3.effect_instruction_i0 = value2;
      return effect3;
    };
    suspend = (evaluate3) => {
      const effect3 = new EffectPrimitive(OP_COMMIT);
      effect3.commit = evaluate3;
      return effect3;
    };
    sync = (thunk) => {
      const effect3 = new EffectPrimitive(OP_SYNC);
      effect3.effect_instruction_i0 = thunk;
      return effect3;
    };
    tap = /* @__PURE__ */ dual((args2) => args2.length === 3 || args2.length === 2 && !(isObject(args2[1]) && "onlyEffect" in args2[1]), (self, f) => flatMap7(self, (a) => {
      const b = typeof f === "function" ? f(a) : f;
      if (isEffect(b)) {
        return as(b, a);
      } else if (isPromiseLike(b)) {
        return unsafeAsync((resume2) => {
          b.then((_) => resume2(succeed(a)), (e) => resume2(fail2(new UnknownException(e, "An unknown error occurred in Effect.tap"))));
        });
      }
      return succeed(a);
    }));
    transplant = (f) => withFiberRuntime((state) => {
      const scopeOverride = state.getFiberRef(currentForkScopeOverride);
      const scope4 = pipe(scopeOverride, getOrElse(() => state.scope()));
      return f(fiberRefLocally(currentForkScopeOverride, some2(scope4)));
    });
    attemptOrElse = /* @__PURE__ */ dual(3, (self, that, onSuccess) => matchCauseEffect(self, {
      onFailure: (cause2) => {
        const defects2 = defects(cause2);
        if (defects2.length > 0) {
          return failCause(getOrThrow2(keepDefectsAndElectFailures(cause2)));
        }
        return that();
      },
      onSuccess
    }));
    uninterruptible = (self) => {
      const effect3 = new EffectPrimitive(OP_UPDATE_RUNTIME_FLAGS);
      effect3.effect_instruction_i0 = disable3(Interruption);
      effect3.effect_instruction_i1 = () => self;
      return effect3;
    };
    uninterruptibleMask = (f) => custom(f, function() {
      const effect3 = new EffectPrimitive(OP_UPDATE_RUNTIME_FLAGS);
      effect3.effect_instruction_i0 = disable3(Interruption);
      effect3.effect_instruction_i1 = (oldFlags) => interruption(oldFlags) ? internalCall(() => this.effect_instruction_i0(interruptible2)) : internalCall(() => this.effect_instruction_i0(uninterruptible));
      return effect3;
    });
    void_ = /* @__PURE__ */ succeed(void 0);
    updateRuntimeFlags = (patch11) => {
      const effect3 = new EffectPrimitive(OP_UPDATE_RUNTIME_FLAGS);
      effect3.effect_instruction_i0 = patch11;
      effect3.effect_instruction_i1 = void 0;
      return effect3;
    };
    whenEffect = /* @__PURE__ */ dual(2, (self, condition) => flatMap7(condition, (b) => {
      if (b) {
        return pipe(self, map11(some2));
      }
      return succeed(none2());
    }));
    whileLoop = (options3) => {
      const effect3 = new EffectPrimitive(OP_WHILE);
      effect3.effect_instruction_i0 = options3.while;
      effect3.effect_instruction_i1 = options3.body;
      effect3.effect_instruction_i2 = options3.step;
      return effect3;
    };
    fromIterator = (iterator) => suspend(() => {
      const effect3 = new EffectPrimitive(OP_ITERATOR);
      effect3.effect_instruction_i0 = iterator();
      return effect3;
    });
    gen = function() {
      const f = arguments.length === 1 ? arguments[0] : arguments[1].bind(arguments[0]);
      return fromIterator(() => f(pipe));
    };
    fnUntraced = (body4, ...pipeables) => Object.defineProperty(pipeables.length === 0 ? function(...args2) {
      return fromIterator(() => body4.apply(this, args2));
    } : function(...args2) {
      let effect3 = fromIterator(() => body4.apply(this, args2));
      for (const x of pipeables) {
        effect3 = x(effect3, ...args2);
      }
      return effect3;
    }, "length", {
      value: body4.length,
      configurable: true
    });
    withRuntimeFlags = /* @__PURE__ */ dual(2, (self, update5) => {
      const effect3 = new EffectPrimitive(OP_UPDATE_RUNTIME_FLAGS);
      effect3.effect_instruction_i0 = update5;
      effect3.effect_instruction_i1 = () => self;
      return effect3;
    });
    yieldNow = (options3) => {
      const effect3 = new EffectPrimitive(OP_YIELD);
      return typeof options3?.priority !== "undefined" ? withSchedulingPriority(effect3, options3.priority) : effect3;
    };
    zip2 = /* @__PURE__ */ dual(2, (self, that) => flatMap7(self, (a) => map11(that, (b) => [a, b])));
    zipLeft = /* @__PURE__ */ dual(2, (self, that) => flatMap7(self, (a) => as(that, a)));
    zipRight = /* @__PURE__ */ dual(2, (self, that) => flatMap7(self, () => that));
    zipWith2 = /* @__PURE__ */ dual(3, (self, that, f) => flatMap7(self, (a) => map11(that, (b) => f(a, b))));
    never = /* @__PURE__ */ asyncInterrupt(() => {
      const interval = setInterval(() => {
      }, 2 ** 31 - 1);
      return sync(() => clearInterval(interval));
    });
    interruptFiber = (self) => flatMap7(fiberId, (fiberId2) => pipe(self, interruptAsFiber(fiberId2)));
    interruptAsFiber = /* @__PURE__ */ dual(2, (self, fiberId2) => flatMap7(self.interruptAsFork(fiberId2), () => self.await));
    logLevelAll = {
      _tag: "All",
      syslog: 0,
      label: "ALL",
      ordinal: Number.MIN_SAFE_INTEGER,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelFatal = {
      _tag: "Fatal",
      syslog: 2,
      label: "FATAL",
      ordinal: 5e4,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelError = {
      _tag: "Error",
      syslog: 3,
      label: "ERROR",
      ordinal: 4e4,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelWarning = {
      _tag: "Warning",
      syslog: 4,
      label: "WARN",
      ordinal: 3e4,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelInfo = {
      _tag: "Info",
      syslog: 6,
      label: "INFO",
      ordinal: 2e4,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelDebug = {
      _tag: "Debug",
      syslog: 7,
      label: "DEBUG",
      ordinal: 1e4,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelTrace = {
      _tag: "Trace",
      syslog: 7,
      label: "TRACE",
      ordinal: 0,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    logLevelNone = {
      _tag: "None",
      syslog: 7,
      label: "OFF",
      ordinal: Number.MAX_SAFE_INTEGER,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    FiberRefSymbolKey = "effect/FiberRef";
    FiberRefTypeId = /* @__PURE__ */ Symbol.for(FiberRefSymbolKey);
    fiberRefVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    fiberRefGet = (self) => withFiberRuntime((fiber) => exitSucceed(fiber.getFiberRef(self)));
    fiberRefGetWith = /* @__PURE__ */ dual(2, (self, f) => flatMap7(fiberRefGet(self), f));
    fiberRefSet = /* @__PURE__ */ dual(2, (self, value2) => fiberRefModify(self, () => [void 0, value2]));
    fiberRefModify = /* @__PURE__ */ dual(2, (self, f) => withFiberRuntime((state) => {
      const [b, a] = f(state.getFiberRef(self));
      state.setFiberRef(self, a);
      return succeed(b);
    }));
    RequestResolverSymbolKey = "effect/RequestResolver";
    RequestResolverTypeId = /* @__PURE__ */ Symbol.for(RequestResolverSymbolKey);
    requestResolverVariance = {
      /* c8 ignore next */
      _A: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    RequestResolverImpl = class _RequestResolverImpl {
      runAll;
      target;
      [RequestResolverTypeId] = requestResolverVariance;
      constructor(runAll, target) {
        this.runAll = runAll;
        this.target = target;
      }
      [symbol]() {
        return cached(this, this.target ? hash(this.target) : random(this));
      }
      [symbol2](that) {
        return this.target ? isRequestResolver(that) && equals(this.target, that.target) : this === that;
      }
      identified(...ids3) {
        return new _RequestResolverImpl(this.runAll, fromIterable2(ids3));
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    isRequestResolver = (u) => hasProperty(u, RequestResolverTypeId);
    fiberRefLocally = /* @__PURE__ */ dual(3, (use, self, value2) => acquireUseRelease(zipLeft(fiberRefGet(self), fiberRefSet(self, value2)), () => use, (oldValue) => fiberRefSet(self, oldValue)));
    fiberRefLocallyWith = /* @__PURE__ */ dual(3, (use, self, f) => fiberRefGetWith(self, (a) => fiberRefLocally(use, self, f(a))));
    fiberRefUnsafeMake = (initial, options3) => fiberRefUnsafeMakePatch(initial, {
      differ: update(),
      fork: options3?.fork ?? identity,
      join: options3?.join
    });
    fiberRefUnsafeMakeHashSet = (initial) => {
      const differ3 = hashSet();
      return fiberRefUnsafeMakePatch(initial, {
        differ: differ3,
        fork: differ3.empty
      });
    };
    fiberRefUnsafeMakeReadonlyArray = (initial) => {
      const differ3 = readonlyArray(update());
      return fiberRefUnsafeMakePatch(initial, {
        differ: differ3,
        fork: differ3.empty
      });
    };
    fiberRefUnsafeMakeContext = (initial) => {
      const differ3 = environment();
      return fiberRefUnsafeMakePatch(initial, {
        differ: differ3,
        fork: differ3.empty
      });
    };
    fiberRefUnsafeMakePatch = (initial, options3) => {
      const _fiberRef = {
        ...CommitPrototype,
        [FiberRefTypeId]: fiberRefVariance,
        initial,
        commit() {
          return fiberRefGet(this);
        },
        diff: (oldValue, newValue) => options3.differ.diff(oldValue, newValue),
        combine: (first2, second) => options3.differ.combine(first2, second),
        patch: (patch11) => (oldValue) => options3.differ.patch(patch11, oldValue),
        fork: options3.fork,
        join: options3.join ?? ((_, n2) => n2)
      };
      return _fiberRef;
    };
    fiberRefUnsafeMakeRuntimeFlags = (initial) => fiberRefUnsafeMakePatch(initial, {
      differ,
      fork: differ.empty
    });
    currentContext = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentContext"), () => fiberRefUnsafeMakeContext(empty8()));
    currentSchedulingPriority = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentSchedulingPriority"), () => fiberRefUnsafeMake(0));
    currentMaxOpsBeforeYield = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentMaxOpsBeforeYield"), () => fiberRefUnsafeMake(2048));
    currentLogAnnotations = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentLogAnnotation"), () => fiberRefUnsafeMake(empty9()));
    currentLogLevel = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentLogLevel"), () => fiberRefUnsafeMake(logLevelInfo));
    currentLogSpan = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentLogSpan"), () => fiberRefUnsafeMake(empty10()));
    withSchedulingPriority = /* @__PURE__ */ dual(2, (self, scheduler) => fiberRefLocally(self, currentSchedulingPriority, scheduler));
    currentConcurrency = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentConcurrency"), () => fiberRefUnsafeMake("unbounded"));
    currentRequestBatching = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentRequestBatching"), () => fiberRefUnsafeMake(true));
    currentUnhandledErrorLogLevel = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentUnhandledErrorLogLevel"), () => fiberRefUnsafeMake(some2(logLevelDebug)));
    currentVersionMismatchErrorLogLevel = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/versionMismatchErrorLogLevel"), () => fiberRefUnsafeMake(some2(logLevelWarning)));
    currentMetricLabels = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentMetricLabels"), () => fiberRefUnsafeMakeReadonlyArray(empty()));
    currentForkScopeOverride = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentForkScopeOverride"), () => fiberRefUnsafeMake(none2(), {
      fork: () => none2(),
      join: (parent, _) => parent
    }));
    currentInterruptedCause = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentInterruptedCause"), () => fiberRefUnsafeMake(empty6, {
      fork: () => empty6,
      join: (parent, _) => parent
    }));
    currentTracerEnabled = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentTracerEnabled"), () => fiberRefUnsafeMake(true));
    currentTracerTimingEnabled = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentTracerTiming"), () => fiberRefUnsafeMake(true));
    currentTracerSpanAnnotations = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentTracerSpanAnnotations"), () => fiberRefUnsafeMake(empty9()));
    currentTracerSpanLinks = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentTracerSpanLinks"), () => fiberRefUnsafeMake(empty2()));
    ScopeTypeId = /* @__PURE__ */ Symbol.for("effect/Scope");
    CloseableScopeTypeId = /* @__PURE__ */ Symbol.for("effect/CloseableScope");
    scopeAddFinalizer = (self, finalizer2) => self.addFinalizer(() => asVoid(finalizer2));
    scopeAddFinalizerExit = (self, finalizer2) => self.addFinalizer(finalizer2);
    scopeClose = (self, exit4) => self.close(exit4);
    scopeFork = (self, strategy) => self.fork(strategy);
    YieldableError = /* @__PURE__ */ (function() {
      class YieldableError2 extends globalThis.Error {
        commit() {
          return fail2(this);
        }
        toJSON() {
          const obj = {
            ...this
          };
          if (this.message) obj.message = this.message;
          if (this.cause) obj.cause = this.cause;
          return obj;
        }
        [NodeInspectSymbol]() {
          if (this.toString !== globalThis.Error.prototype.toString) {
            return this.stack ? `${this.toString()}
${this.stack.split("\n").slice(1).join("\n")}` : this.toString();
          } else if ("Bun" in globalThis) {
            return pretty(fail(this), {
              renderErrorCause: true
            });
          }
          return this;
        }
      }
      Object.assign(YieldableError2.prototype, StructuralCommitPrototype);
      return YieldableError2;
    })();
    makeException = (proto13, tag2) => {
      class Base3 extends YieldableError {
        _tag = tag2;
      }
      Object.assign(Base3.prototype, proto13);
      Base3.prototype.name = tag2;
      return Base3;
    };
    RuntimeExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/RuntimeException");
    RuntimeException = /* @__PURE__ */ makeException({
      [RuntimeExceptionTypeId]: RuntimeExceptionTypeId
    }, "RuntimeException");
    InterruptedExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/InterruptedException");
    InterruptedException = /* @__PURE__ */ makeException({
      [InterruptedExceptionTypeId]: InterruptedExceptionTypeId
    }, "InterruptedException");
    isInterruptedException = (u) => hasProperty(u, InterruptedExceptionTypeId);
    IllegalArgumentExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/IllegalArgument");
    IllegalArgumentException = /* @__PURE__ */ makeException({
      [IllegalArgumentExceptionTypeId]: IllegalArgumentExceptionTypeId
    }, "IllegalArgumentException");
    NoSuchElementExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/NoSuchElement");
    NoSuchElementException = /* @__PURE__ */ makeException({
      [NoSuchElementExceptionTypeId]: NoSuchElementExceptionTypeId
    }, "NoSuchElementException");
    InvalidPubSubCapacityExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/InvalidPubSubCapacityException");
    InvalidPubSubCapacityException = /* @__PURE__ */ makeException({
      [InvalidPubSubCapacityExceptionTypeId]: InvalidPubSubCapacityExceptionTypeId
    }, "InvalidPubSubCapacityException");
    ExceededCapacityExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/ExceededCapacityException");
    ExceededCapacityException = /* @__PURE__ */ makeException({
      [ExceededCapacityExceptionTypeId]: ExceededCapacityExceptionTypeId
    }, "ExceededCapacityException");
    TimeoutExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/Timeout");
    TimeoutException = /* @__PURE__ */ makeException({
      [TimeoutExceptionTypeId]: TimeoutExceptionTypeId
    }, "TimeoutException");
    timeoutExceptionFromDuration = (duration) => new TimeoutException(`Operation timed out after '${format2(duration)}'`);
    UnknownExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Cause/errors/UnknownException");
    UnknownException = /* @__PURE__ */ (function() {
      class UnknownException2 extends YieldableError {
        _tag = "UnknownException";
        error;
        constructor(cause2, message) {
          super(message ?? "An unknown error occurred", {
            cause: cause2
          });
          this.error = cause2;
        }
      }
      Object.assign(UnknownException2.prototype, {
        [UnknownExceptionTypeId]: UnknownExceptionTypeId,
        name: "UnknownException"
      });
      return UnknownException2;
    })();
    exitIsExit = (u) => isEffect(u) && "_tag" in u && (u._tag === "Success" || u._tag === "Failure");
    exitIsFailure = (self) => self._tag === "Failure";
    exitIsSuccess = (self) => self._tag === "Success";
    exitAs = /* @__PURE__ */ dual(2, (self, value2) => {
      switch (self._tag) {
        case OP_FAILURE: {
          return exitFailCause(self.effect_instruction_i0);
        }
        case OP_SUCCESS: {
          return exitSucceed(value2);
        }
      }
    });
    exitAsVoid = (self) => exitAs(self, void 0);
    exitCollectAll = (exits, options3) => exitCollectAllInternal(exits, options3?.parallel ? parallel : sequential);
    exitDie = (defect) => exitFailCause(die(defect));
    exitFail = (error) => exitFailCause(fail(error));
    exitFailCause = (cause2) => {
      const effect3 = new EffectPrimitiveFailure(OP_FAILURE);
      effect3.effect_instruction_i0 = cause2;
      return effect3;
    };
    exitFlatMap = /* @__PURE__ */ dual(2, (self, f) => {
      switch (self._tag) {
        case OP_FAILURE: {
          return exitFailCause(self.effect_instruction_i0);
        }
        case OP_SUCCESS: {
          return f(self.effect_instruction_i0);
        }
      }
    });
    exitFlatten = (self) => pipe(self, exitFlatMap(identity));
    exitInterrupt = (fiberId2) => exitFailCause(interrupt(fiberId2));
    exitMap = /* @__PURE__ */ dual(2, (self, f) => {
      switch (self._tag) {
        case OP_FAILURE:
          return exitFailCause(self.effect_instruction_i0);
        case OP_SUCCESS:
          return exitSucceed(f(self.effect_instruction_i0));
      }
    });
    exitMatch = /* @__PURE__ */ dual(2, (self, {
      onFailure,
      onSuccess
    }) => {
      switch (self._tag) {
        case OP_FAILURE:
          return onFailure(self.effect_instruction_i0);
        case OP_SUCCESS:
          return onSuccess(self.effect_instruction_i0);
      }
    });
    exitMatchEffect = /* @__PURE__ */ dual(2, (self, {
      onFailure,
      onSuccess
    }) => {
      switch (self._tag) {
        case OP_FAILURE:
          return onFailure(self.effect_instruction_i0);
        case OP_SUCCESS:
          return onSuccess(self.effect_instruction_i0);
      }
    });
    exitSucceed = (value2) => {
      const effect3 = new EffectPrimitiveSuccess(OP_SUCCESS);
      effect3.effect_instruction_i0 = value2;
      return effect3;
    };
    exitVoid = /* @__PURE__ */ exitSucceed(void 0);
    exitZip = /* @__PURE__ */ dual(2, (self, that) => exitZipWith(self, that, {
      onSuccess: (a, a2) => [a, a2],
      onFailure: sequential
    }));
    exitZipRight = /* @__PURE__ */ dual(2, (self, that) => exitZipWith(self, that, {
      onSuccess: (_, a2) => a2,
      onFailure: sequential
    }));
    exitZipWith = /* @__PURE__ */ dual(3, (self, that, {
      onFailure,
      onSuccess
    }) => {
      switch (self._tag) {
        case OP_FAILURE: {
          switch (that._tag) {
            case OP_SUCCESS:
              return exitFailCause(self.effect_instruction_i0);
            case OP_FAILURE: {
              return exitFailCause(onFailure(self.effect_instruction_i0, that.effect_instruction_i0));
            }
          }
        }
        case OP_SUCCESS: {
          switch (that._tag) {
            case OP_SUCCESS:
              return exitSucceed(onSuccess(self.effect_instruction_i0, that.effect_instruction_i0));
            case OP_FAILURE:
              return exitFailCause(that.effect_instruction_i0);
          }
        }
      }
    });
    exitCollectAllInternal = (exits, combineCauses) => {
      const list = fromIterable2(exits);
      if (!isNonEmpty(list)) {
        return none2();
      }
      return pipe(tailNonEmpty2(list), reduce(pipe(headNonEmpty2(list), exitMap(of2)), (accumulator, current) => pipe(accumulator, exitZipWith(current, {
        onSuccess: (list2, value2) => pipe(list2, prepend2(value2)),
        onFailure: combineCauses
      }))), exitMap(reverse2), exitMap((chunk3) => toReadonlyArray(chunk3)), some2);
    };
    deferredUnsafeMake = (fiberId2) => {
      const _deferred = {
        ...CommitPrototype,
        [DeferredTypeId]: deferredVariance,
        state: make11(pending([])),
        commit() {
          return deferredAwait(this);
        },
        blockingOn: fiberId2
      };
      return _deferred;
    };
    deferredMake = () => flatMap7(fiberId, (id2) => deferredMakeAs(id2));
    deferredMakeAs = (fiberId2) => sync(() => deferredUnsafeMake(fiberId2));
    deferredAwait = (self) => asyncInterrupt((resume2) => {
      const state = get6(self.state);
      switch (state._tag) {
        case OP_STATE_DONE: {
          return resume2(state.effect);
        }
        case OP_STATE_PENDING: {
          state.joiners.push(resume2);
          return deferredInterruptJoiner(self, resume2);
        }
      }
    }, self.blockingOn);
    deferredCompleteWith = /* @__PURE__ */ dual(2, (self, effect3) => sync(() => {
      const state = get6(self.state);
      switch (state._tag) {
        case OP_STATE_DONE: {
          return false;
        }
        case OP_STATE_PENDING: {
          set2(self.state, done(effect3));
          for (let i = 0, len = state.joiners.length; i < len; i++) {
            state.joiners[i](effect3);
          }
          return true;
        }
      }
    }));
    deferredDone = /* @__PURE__ */ dual(2, (self, exit4) => deferredCompleteWith(self, exit4));
    deferredFailCause = /* @__PURE__ */ dual(2, (self, cause2) => deferredCompleteWith(self, failCause(cause2)));
    deferredInterruptWith = /* @__PURE__ */ dual(2, (self, fiberId2) => deferredCompleteWith(self, interruptWith(fiberId2)));
    deferredIsDone = (self) => sync(() => get6(self.state)._tag === OP_STATE_DONE);
    deferredSucceed = /* @__PURE__ */ dual(2, (self, value2) => deferredCompleteWith(self, succeed(value2)));
    deferredUnsafeDone = (self, effect3) => {
      const state = get6(self.state);
      if (state._tag === OP_STATE_PENDING) {
        set2(self.state, done(effect3));
        for (let i = 0, len = state.joiners.length; i < len; i++) {
          state.joiners[i](effect3);
        }
      }
    };
    deferredInterruptJoiner = (self, joiner) => sync(() => {
      const state = get6(self.state);
      if (state._tag === OP_STATE_PENDING) {
        const index = state.joiners.indexOf(joiner);
        if (index >= 0) {
          state.joiners.splice(index, 1);
        }
      }
    });
    constContext = /* @__PURE__ */ withFiberRuntime((fiber) => exitSucceed(fiber.currentContext));
    context = () => constContext;
    contextWithEffect = (f) => flatMap7(context(), f);
    provideContext = /* @__PURE__ */ dual(2, (self, context5) => fiberRefLocally(currentContext, context5)(self));
    provideSomeContext = /* @__PURE__ */ dual(2, (self, context5) => fiberRefLocallyWith(currentContext, (parent) => merge3(parent, context5))(self));
    mapInputContext = /* @__PURE__ */ dual(2, (self, f) => contextWithEffect((context5) => provideContext(self, f(context5))));
    currentSpanFromFiber = (fiber) => {
      const span2 = fiber.currentSpan;
      return span2 !== void 0 && span2._tag === "Span" ? some2(span2) : none2();
    };
    NoopSpanProto = {
      _tag: "Span",
      spanId: "noop",
      traceId: "noop",
      sampled: false,
      status: {
        _tag: "Ended",
        startTime: /* @__PURE__ */ BigInt(0),
        endTime: /* @__PURE__ */ BigInt(0),
        exit: exitVoid
      },
      attributes: /* @__PURE__ */ new Map(),
      links: [],
      kind: "internal",
      attribute() {
      },
      event() {
      },
      end() {
      },
      addLinks() {
      }
    };
    noopSpan = (options3) => Object.assign(Object.create(NoopSpanProto), options3);
  }
});

// node_modules/effect/dist/esm/internal/clock.js
var ClockSymbolKey, ClockTypeId, clockTag, MAX_TIMER_MILLIS, globalClockScheduler, performanceNowNanos, processOrPerformanceNow, ClockImpl, make18;
var init_clock = __esm({
  "node_modules/effect/dist/esm/internal/clock.js"() {
    init_Context();
    init_Duration();
    init_Function();
    init_core();
    ClockSymbolKey = "effect/Clock";
    ClockTypeId = /* @__PURE__ */ Symbol.for(ClockSymbolKey);
    clockTag = /* @__PURE__ */ GenericTag("effect/Clock");
    MAX_TIMER_MILLIS = 2 ** 31 - 1;
    globalClockScheduler = {
      unsafeSchedule(task, duration) {
        const millis2 = toMillis(duration);
        if (millis2 > MAX_TIMER_MILLIS) {
          return constFalse;
        }
        let completed = false;
        const handle = setTimeout(() => {
          completed = true;
          task();
        }, millis2);
        return () => {
          clearTimeout(handle);
          return !completed;
        };
      }
    };
    performanceNowNanos = /* @__PURE__ */ (function() {
      const bigint1e62 = /* @__PURE__ */ BigInt(1e6);
      if (typeof performance === "undefined" || typeof performance.now !== "function") {
        return () => BigInt(Date.now()) * bigint1e62;
      }
      let origin;
      return () => {
        if (origin === void 0) {
          origin = BigInt(Date.now()) * bigint1e62 - BigInt(Math.round(performance.now() * 1e6));
        }
        return origin + BigInt(Math.round(performance.now() * 1e6));
      };
    })();
    processOrPerformanceNow = /* @__PURE__ */ (function() {
      const processHrtime = typeof process === "object" && "hrtime" in process && typeof process.hrtime.bigint === "function" ? process.hrtime : void 0;
      if (!processHrtime) {
        return performanceNowNanos;
      }
      const origin = /* @__PURE__ */ performanceNowNanos() - /* @__PURE__ */ processHrtime.bigint();
      return () => origin + processHrtime.bigint();
    })();
    ClockImpl = class {
      [ClockTypeId] = ClockTypeId;
      unsafeCurrentTimeMillis() {
        return Date.now();
      }
      unsafeCurrentTimeNanos() {
        return processOrPerformanceNow();
      }
      currentTimeMillis = /* @__PURE__ */ sync(() => this.unsafeCurrentTimeMillis());
      currentTimeNanos = /* @__PURE__ */ sync(() => this.unsafeCurrentTimeNanos());
      scheduler() {
        return succeed(globalClockScheduler);
      }
      sleep(duration) {
        return async_((resume2) => {
          const canceler = globalClockScheduler.unsafeSchedule(() => resume2(void_), duration);
          return asVoid(sync(canceler));
        });
      }
    };
    make18 = () => new ClockImpl();
  }
});

// node_modules/effect/dist/esm/Number.js
var Order;
var init_Number = __esm({
  "node_modules/effect/dist/esm/Number.js"() {
    init_Order();
    Order = number3;
  }
});

// node_modules/effect/dist/esm/RegExp.js
var escape;
var init_RegExp = __esm({
  "node_modules/effect/dist/esm/RegExp.js"() {
    escape = (string2) => string2.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&");
  }
});

// node_modules/effect/dist/esm/internal/opCodes/configError.js
var OP_AND, OP_OR, OP_INVALID_DATA, OP_MISSING_DATA, OP_SOURCE_UNAVAILABLE, OP_UNSUPPORTED;
var init_configError = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/configError.js"() {
    OP_AND = "And";
    OP_OR = "Or";
    OP_INVALID_DATA = "InvalidData";
    OP_MISSING_DATA = "MissingData";
    OP_SOURCE_UNAVAILABLE = "SourceUnavailable";
    OP_UNSUPPORTED = "Unsupported";
  }
});

// node_modules/effect/dist/esm/internal/configError.js
var ConfigErrorSymbolKey, ConfigErrorTypeId, proto2, And, Or, InvalidData, MissingData, SourceUnavailable, Unsupported, prefixed, reduceWithContext2;
var init_configError2 = __esm({
  "node_modules/effect/dist/esm/internal/configError.js"() {
    init_Array();
    init_Either();
    init_Function();
    init_configError();
    ConfigErrorSymbolKey = "effect/ConfigError";
    ConfigErrorTypeId = /* @__PURE__ */ Symbol.for(ConfigErrorSymbolKey);
    proto2 = {
      _tag: "ConfigError",
      [ConfigErrorTypeId]: ConfigErrorTypeId
    };
    And = (self, that) => {
      const error = Object.create(proto2);
      error._op = OP_AND;
      error.left = self;
      error.right = that;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          return `${this.left} and ${this.right}`;
        }
      });
      Object.defineProperty(error, "message", {
        enumerable: false,
        get() {
          return this.toString();
        }
      });
      return error;
    };
    Or = (self, that) => {
      const error = Object.create(proto2);
      error._op = OP_OR;
      error.left = self;
      error.right = that;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          return `${this.left} or ${this.right}`;
        }
      });
      Object.defineProperty(error, "message", {
        enumerable: false,
        get() {
          return this.toString();
        }
      });
      return error;
    };
    InvalidData = (path, message, options3 = {
      pathDelim: "."
    }) => {
      const error = Object.create(proto2);
      error._op = OP_INVALID_DATA;
      error.path = path;
      error.message = message;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          const path2 = pipe(this.path, join(options3.pathDelim));
          return `(Invalid data at ${path2}: "${this.message}")`;
        }
      });
      return error;
    };
    MissingData = (path, message, options3 = {
      pathDelim: "."
    }) => {
      const error = Object.create(proto2);
      error._op = OP_MISSING_DATA;
      error.path = path;
      error.message = message;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          const path2 = pipe(this.path, join(options3.pathDelim));
          return `(Missing data at ${path2}: "${this.message}")`;
        }
      });
      return error;
    };
    SourceUnavailable = (path, message, cause2, options3 = {
      pathDelim: "."
    }) => {
      const error = Object.create(proto2);
      error._op = OP_SOURCE_UNAVAILABLE;
      error.path = path;
      error.message = message;
      error.cause = cause2;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          const path2 = pipe(this.path, join(options3.pathDelim));
          return `(Source unavailable at ${path2}: "${this.message}")`;
        }
      });
      return error;
    };
    Unsupported = (path, message, options3 = {
      pathDelim: "."
    }) => {
      const error = Object.create(proto2);
      error._op = OP_UNSUPPORTED;
      error.path = path;
      error.message = message;
      Object.defineProperty(error, "toString", {
        enumerable: false,
        value() {
          const path2 = pipe(this.path, join(options3.pathDelim));
          return `(Unsupported operation at ${path2}: "${this.message}")`;
        }
      });
      return error;
    };
    prefixed = /* @__PURE__ */ dual(2, (self, prefix) => {
      switch (self._op) {
        case OP_AND: {
          return And(prefixed(self.left, prefix), prefixed(self.right, prefix));
        }
        case OP_OR: {
          return Or(prefixed(self.left, prefix), prefixed(self.right, prefix));
        }
        case OP_INVALID_DATA: {
          return InvalidData([...prefix, ...self.path], self.message);
        }
        case OP_MISSING_DATA: {
          return MissingData([...prefix, ...self.path], self.message);
        }
        case OP_SOURCE_UNAVAILABLE: {
          return SourceUnavailable([...prefix, ...self.path], self.message, self.cause);
        }
        case OP_UNSUPPORTED: {
          return Unsupported([...prefix, ...self.path], self.message);
        }
      }
    });
    reduceWithContext2 = /* @__PURE__ */ dual(3, (self, context5, reducer) => {
      const input = [self];
      const output = [];
      while (input.length > 0) {
        const error = input.pop();
        switch (error._op) {
          case OP_AND: {
            input.push(error.right);
            input.push(error.left);
            output.push(left2({
              _op: "AndCase"
            }));
            break;
          }
          case OP_OR: {
            input.push(error.right);
            input.push(error.left);
            output.push(left2({
              _op: "OrCase"
            }));
            break;
          }
          case OP_INVALID_DATA: {
            output.push(right2(reducer.invalidDataCase(context5, error.path, error.message)));
            break;
          }
          case OP_MISSING_DATA: {
            output.push(right2(reducer.missingDataCase(context5, error.path, error.message)));
            break;
          }
          case OP_SOURCE_UNAVAILABLE: {
            output.push(right2(reducer.sourceUnavailableCase(context5, error.path, error.message, error.cause)));
            break;
          }
          case OP_UNSUPPORTED: {
            output.push(right2(reducer.unsupportedCase(context5, error.path, error.message)));
            break;
          }
        }
      }
      const accumulator = [];
      while (output.length > 0) {
        const either5 = output.pop();
        switch (either5._op) {
          case "Left": {
            switch (either5.left._op) {
              case "AndCase": {
                const left3 = accumulator.pop();
                const right3 = accumulator.pop();
                const value2 = reducer.andCase(context5, left3, right3);
                accumulator.push(value2);
                break;
              }
              case "OrCase": {
                const left3 = accumulator.pop();
                const right3 = accumulator.pop();
                const value2 = reducer.orCase(context5, left3, right3);
                accumulator.push(value2);
                break;
              }
            }
            break;
          }
          case "Right": {
            accumulator.push(either5.right);
            break;
          }
        }
      }
      if (accumulator.length === 0) {
        throw new Error("BUG: ConfigError.reduceWithContext - please report an issue at https://github.com/Effect-TS/effect/issues");
      }
      return accumulator.pop();
    });
  }
});

// node_modules/effect/dist/esm/internal/configProvider/pathPatch.js
var empty15, patch5;
var init_pathPatch = __esm({
  "node_modules/effect/dist/esm/internal/configProvider/pathPatch.js"() {
    init_Array();
    init_Either();
    init_Function();
    init_List();
    init_Option();
    init_configError2();
    empty15 = {
      _tag: "Empty"
    };
    patch5 = /* @__PURE__ */ dual(2, (path, patch11) => {
      let input = of3(patch11);
      let output = path;
      while (isCons(input)) {
        const patch12 = input.head;
        switch (patch12._tag) {
          case "Empty": {
            input = input.tail;
            break;
          }
          case "AndThen": {
            input = cons(patch12.first, cons(patch12.second, input.tail));
            break;
          }
          case "MapName": {
            output = map4(output, patch12.f);
            input = input.tail;
            break;
          }
          case "Nested": {
            output = prepend(output, patch12.name);
            input = input.tail;
            break;
          }
          case "Unnested": {
            const containsName = pipe(head(output), contains(patch12.name));
            if (containsName) {
              output = tailNonEmpty(output);
              input = input.tail;
            } else {
              return left2(MissingData(output, `Expected ${patch12.name} to be in path in ConfigProvider#unnested`));
            }
            break;
          }
        }
      }
      return right2(output);
    });
  }
});

// node_modules/effect/dist/esm/internal/opCodes/config.js
var OP_CONSTANT, OP_FAIL2, OP_FALLBACK, OP_DESCRIBED, OP_LAZY, OP_MAP_OR_FAIL, OP_NESTED, OP_PRIMITIVE, OP_REDACTED, OP_SEQUENCE, OP_HASHMAP, OP_ZIP_WITH;
var init_config2 = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/config.js"() {
    OP_CONSTANT = "Constant";
    OP_FAIL2 = "Fail";
    OP_FALLBACK = "Fallback";
    OP_DESCRIBED = "Described";
    OP_LAZY = "Lazy";
    OP_MAP_OR_FAIL = "MapOrFail";
    OP_NESTED = "Nested";
    OP_PRIMITIVE = "Primitive";
    OP_REDACTED = "Redacted";
    OP_SEQUENCE = "Sequence";
    OP_HASHMAP = "HashMap";
    OP_ZIP_WITH = "ZipWith";
  }
});

// node_modules/effect/dist/esm/internal/configProvider.js
var concat, ConfigProviderSymbolKey, ConfigProviderTypeId, configProviderTag, FlatConfigProviderSymbolKey, FlatConfigProviderTypeId, make20, makeFlat, fromFlat, fromEnv, extend, appendConfigPath, RedactedConfigErrorReducer, redactConfigError, fromFlatLoop, fromFlatLoopFail, splitPathString, parsePrimitive, transpose, indicesFrom, QUOTED_INDEX_REGEX, parseQuotedIndex, parseInteger;
var init_configProvider = __esm({
  "node_modules/effect/dist/esm/internal/configProvider.js"() {
    init_Array();
    init_Context();
    init_Either();
    init_Function();
    init_HashMap();
    init_HashSet();
    init_Number();
    init_Option();
    init_Pipeable();
    init_RegExp();
    init_configError2();
    init_pathPatch();
    init_core();
    init_config2();
    concat = (l, r) => [...l, ...r];
    ConfigProviderSymbolKey = "effect/ConfigProvider";
    ConfigProviderTypeId = /* @__PURE__ */ Symbol.for(ConfigProviderSymbolKey);
    configProviderTag = /* @__PURE__ */ GenericTag("effect/ConfigProvider");
    FlatConfigProviderSymbolKey = "effect/ConfigProviderFlat";
    FlatConfigProviderTypeId = /* @__PURE__ */ Symbol.for(FlatConfigProviderSymbolKey);
    make20 = (options3) => ({
      [ConfigProviderTypeId]: ConfigProviderTypeId,
      pipe() {
        return pipeArguments(this, arguments);
      },
      ...options3
    });
    makeFlat = (options3) => ({
      [FlatConfigProviderTypeId]: FlatConfigProviderTypeId,
      patch: options3.patch,
      load: (path, config, split2 = true) => options3.load(path, config, split2),
      enumerateChildren: options3.enumerateChildren
    });
    fromFlat = (flat) => make20({
      load: (config) => flatMap7(fromFlatLoop(flat, empty(), config, false), (chunk3) => match2(head(chunk3), {
        onNone: () => fail2(MissingData(empty(), `Expected a single value having structure: ${config}`)),
        onSome: succeed
      })),
      flattened: flat
    });
    fromEnv = (options3) => {
      const {
        pathDelim,
        seqDelim
      } = Object.assign({}, {
        pathDelim: "_",
        seqDelim: ","
      }, options3);
      const makePathString = (path) => pipe(path, join(pathDelim));
      const unmakePathString = (pathString) => pathString.split(pathDelim);
      const getEnv = () => typeof process !== "undefined" && "env" in process && typeof process.env === "object" ? process.env : {};
      const load = (path, primitive, split2 = true) => {
        const pathString = makePathString(path);
        const current = getEnv();
        const valueOpt = pathString in current ? some2(current[pathString]) : none2();
        return pipe(valueOpt, mapError(() => MissingData(path, `Expected ${pathString} to exist in the process context`)), flatMap7((value2) => parsePrimitive(value2, path, primitive, seqDelim, split2)));
      };
      const enumerateChildren = (path) => sync(() => {
        const current = getEnv();
        const keys6 = Object.keys(current);
        const keyPaths = keys6.map((value2) => unmakePathString(value2.toUpperCase()));
        const filteredKeyPaths = keyPaths.filter((keyPath) => {
          for (let i = 0; i < path.length; i++) {
            const pathComponent = pipe(path, unsafeGet(i));
            const currentElement = keyPath[i];
            if (currentElement === void 0 || pathComponent !== currentElement) {
              return false;
            }
          }
          return true;
        }).flatMap((keyPath) => keyPath.slice(path.length, path.length + 1));
        return fromIterable5(filteredKeyPaths);
      });
      return fromFlat(makeFlat({
        load,
        enumerateChildren,
        patch: empty15
      }));
    };
    extend = (leftDef, rightDef, left3, right3) => {
      const leftPad = unfold(left3.length, (index) => index >= right3.length ? none2() : some2([leftDef(index), index + 1]));
      const rightPad = unfold(right3.length, (index) => index >= left3.length ? none2() : some2([rightDef(index), index + 1]));
      const leftExtension = concat(left3, leftPad);
      const rightExtension = concat(right3, rightPad);
      return [leftExtension, rightExtension];
    };
    appendConfigPath = (path, config) => {
      let op = config;
      if (op._tag === "Nested") {
        const out = path.slice();
        while (op._tag === "Nested") {
          out.push(op.name);
          op = op.config;
        }
        return out;
      }
      return path;
    };
    RedactedConfigErrorReducer = {
      andCase: (_, left3, right3) => And(left3, right3),
      orCase: (_, left3, right3) => Or(left3, right3),
      invalidDataCase: (_, path) => InvalidData(path, "<redacted>"),
      missingDataCase: (_, path) => MissingData(path, "<redacted>"),
      sourceUnavailableCase: (_, path, _message, cause2) => SourceUnavailable(path, "<redacted>", cause2),
      unsupportedCase: (_, path) => Unsupported(path, "<redacted>")
    };
    redactConfigError = (error) => reduceWithContext2(error, void 0, RedactedConfigErrorReducer);
    fromFlatLoop = (flat, prefix, config, split2) => {
      const op = config;
      switch (op._tag) {
        case OP_CONSTANT: {
          return succeed(of(op.value));
        }
        case OP_DESCRIBED: {
          return suspend(() => fromFlatLoop(flat, prefix, op.config, split2));
        }
        case OP_FAIL2: {
          return fail2(MissingData(prefix, op.message));
        }
        case OP_FALLBACK: {
          return pipe(suspend(() => fromFlatLoop(flat, prefix, op.first, split2)), catchAll((error1) => {
            if (op.condition(error1)) {
              return pipe(fromFlatLoop(flat, prefix, op.second, split2), catchAll((error2) => fail2(Or(error1, error2))));
            }
            return fail2(error1);
          }));
        }
        case OP_LAZY: {
          return suspend(() => fromFlatLoop(flat, prefix, op.config(), split2));
        }
        case OP_MAP_OR_FAIL: {
          return suspend(() => pipe(fromFlatLoop(flat, prefix, op.original, split2), flatMap7(forEachSequential((a) => pipe(op.mapOrFail(a), mapError(prefixed(appendConfigPath(prefix, op.original))))))));
        }
        case OP_NESTED: {
          return suspend(() => fromFlatLoop(flat, concat(prefix, of(op.name)), op.config, split2));
        }
        case OP_PRIMITIVE: {
          return pipe(patch5(prefix, flat.patch), flatMap7((prefix2) => pipe(flat.load(prefix2, op, split2), flatMap7((values3) => {
            if (values3.length === 0) {
              const name = pipe(last(prefix2), getOrElse(() => "<n/a>"));
              return fail2(MissingData([], `Expected ${op.description} with name ${name}`));
            }
            return succeed(values3);
          }))));
        }
        case OP_REDACTED: {
          return suspend(() => pipe(fromFlatLoop(flat, prefix, op.original, split2), mapError(redactConfigError), map11(map4(op.redact))));
        }
        case OP_SEQUENCE: {
          return pipe(patch5(prefix, flat.patch), flatMap7((patchedPrefix) => pipe(flat.enumerateChildren(patchedPrefix), flatMap7(indicesFrom), flatMap7((indices) => {
            if (indices.length === 0) {
              return suspend(() => map11(fromFlatLoop(flat, prefix, op.config, true), of));
            }
            return pipe(forEachSequential(indices, (index) => fromFlatLoop(flat, append(prefix, `[${index}]`), op.config, true)), map11((chunkChunk) => {
              const flattened = flatten(chunkChunk);
              if (flattened.length === 0) {
                return of(empty());
              }
              return of(flattened);
            }));
          }))));
        }
        case OP_HASHMAP: {
          return suspend(() => pipe(patch5(prefix, flat.patch), flatMap7((prefix2) => pipe(flat.enumerateChildren(prefix2), flatMap7((keys6) => {
            return pipe(keys6, forEachSequential((key) => fromFlatLoop(flat, concat(prefix2, of(key)), op.valueConfig, split2)), map11((matrix) => {
              if (matrix.length === 0) {
                return of(empty9());
              }
              return pipe(transpose(matrix), map4((values3) => fromIterable6(zip(fromIterable(keys6), values3))));
            }));
          })))));
        }
        case OP_ZIP_WITH: {
          return suspend(() => pipe(fromFlatLoop(flat, prefix, op.left, split2), either2, flatMap7((left3) => pipe(fromFlatLoop(flat, prefix, op.right, split2), either2, flatMap7((right3) => {
            if (isLeft2(left3) && isLeft2(right3)) {
              return fail2(And(left3.left, right3.left));
            }
            if (isLeft2(left3) && isRight2(right3)) {
              return fail2(left3.left);
            }
            if (isRight2(left3) && isLeft2(right3)) {
              return fail2(right3.left);
            }
            if (isRight2(left3) && isRight2(right3)) {
              const path = pipe(prefix, join("."));
              const fail13 = fromFlatLoopFail(prefix, path);
              const [lefts, rights] = extend(fail13, fail13, pipe(left3.right, map4(right2)), pipe(right3.right, map4(right2)));
              return pipe(lefts, zip(rights), forEachSequential(([left4, right4]) => pipe(zip2(left4, right4), map11(([left5, right5]) => op.zip(left5, right5)))));
            }
            throw new Error("BUG: ConfigProvider.fromFlatLoop - please report an issue at https://github.com/Effect-TS/effect/issues");
          })))));
        }
      }
    };
    fromFlatLoopFail = (prefix, path) => (index) => left2(MissingData(prefix, `The element at index ${index} in a sequence at path "${path}" was missing`));
    splitPathString = (text2, delim) => {
      const split2 = text2.split(new RegExp(`\\s*${escape(delim)}\\s*`));
      return split2;
    };
    parsePrimitive = (text2, path, primitive, delimiter, split2) => {
      if (!split2) {
        return pipe(primitive.parse(text2), mapBoth({
          onFailure: prefixed(path),
          onSuccess: of
        }));
      }
      return pipe(splitPathString(text2, delimiter), forEachSequential((char) => primitive.parse(char.trim())), mapError(prefixed(path)));
    };
    transpose = (array4) => {
      return Object.keys(array4[0]).map((column) => array4.map((row) => row[column]));
    };
    indicesFrom = (quotedIndices) => pipe(forEachSequential(quotedIndices, parseQuotedIndex), mapBoth({
      onFailure: () => empty(),
      onSuccess: sort(Order)
    }), either2, map11(merge));
    QUOTED_INDEX_REGEX = /^(\[(\d+)\])$/;
    parseQuotedIndex = (str) => {
      const match14 = str.match(QUOTED_INDEX_REGEX);
      if (match14 !== null) {
        const matchedIndex = match14[2];
        return pipe(matchedIndex !== void 0 && matchedIndex.length > 0 ? some2(matchedIndex) : none2(), flatMap(parseInteger));
      }
      return none2();
    };
    parseInteger = (str) => {
      const parsedIndex = Number.parseInt(str);
      return Number.isNaN(parsedIndex) ? none2() : some2(parsedIndex);
    };
  }
});

// node_modules/effect/dist/esm/internal/defaultServices/console.js
var TypeId8, consoleTag, defaultConsole;
var init_console = __esm({
  "node_modules/effect/dist/esm/internal/defaultServices/console.js"() {
    init_Context();
    init_core();
    TypeId8 = /* @__PURE__ */ Symbol.for("effect/Console");
    consoleTag = /* @__PURE__ */ GenericTag("effect/Console");
    defaultConsole = {
      [TypeId8]: TypeId8,
      assert(condition, ...args2) {
        return sync(() => {
          console.assert(condition, ...args2);
        });
      },
      clear: /* @__PURE__ */ sync(() => {
        console.clear();
      }),
      count(label) {
        return sync(() => {
          console.count(label);
        });
      },
      countReset(label) {
        return sync(() => {
          console.countReset(label);
        });
      },
      debug(...args2) {
        return sync(() => {
          console.debug(...args2);
        });
      },
      dir(item, options3) {
        return sync(() => {
          console.dir(item, options3);
        });
      },
      dirxml(...args2) {
        return sync(() => {
          console.dirxml(...args2);
        });
      },
      error(...args2) {
        return sync(() => {
          console.error(...args2);
        });
      },
      group(options3) {
        return options3?.collapsed ? sync(() => console.groupCollapsed(options3?.label)) : sync(() => console.group(options3?.label));
      },
      groupEnd: /* @__PURE__ */ sync(() => {
        console.groupEnd();
      }),
      info(...args2) {
        return sync(() => {
          console.info(...args2);
        });
      },
      log(...args2) {
        return sync(() => {
          console.log(...args2);
        });
      },
      table(tabularData, properties) {
        return sync(() => {
          console.table(tabularData, properties);
        });
      },
      time(label) {
        return sync(() => console.time(label));
      },
      timeEnd(label) {
        return sync(() => console.timeEnd(label));
      },
      timeLog(label, ...args2) {
        return sync(() => {
          console.timeLog(label, ...args2);
        });
      },
      trace(...args2) {
        return sync(() => {
          console.trace(...args2);
        });
      },
      warn(...args2) {
        return sync(() => {
          console.warn(...args2);
        });
      },
      unsafe: console
    };
  }
});

// node_modules/effect/dist/esm/internal/random.js
var RandomSymbolKey, RandomTypeId, randomTag, RandomImpl, shuffleWith, swap, make21, FixedRandomImpl;
var init_random = __esm({
  "node_modules/effect/dist/esm/internal/random.js"() {
    init_Chunk();
    init_Context();
    init_Function();
    init_Hash();
    init_Utils();
    init_core();
    RandomSymbolKey = "effect/Random";
    RandomTypeId = /* @__PURE__ */ Symbol.for(RandomSymbolKey);
    randomTag = /* @__PURE__ */ GenericTag("effect/Random");
    RandomImpl = class {
      seed;
      [RandomTypeId] = RandomTypeId;
      PRNG;
      constructor(seed) {
        this.seed = seed;
        this.PRNG = new PCGRandom(seed);
      }
      get next() {
        return sync(() => this.PRNG.number());
      }
      get nextBoolean() {
        return map11(this.next, (n2) => n2 > 0.5);
      }
      get nextInt() {
        return sync(() => this.PRNG.integer(Number.MAX_SAFE_INTEGER));
      }
      nextRange(min3, max5) {
        return map11(this.next, (n2) => (max5 - min3) * n2 + min3);
      }
      nextIntBetween(min3, max5) {
        return sync(() => this.PRNG.integer(max5 - min3) + min3);
      }
      shuffle(elements) {
        return shuffleWith(elements, (n2) => this.nextIntBetween(0, n2));
      }
    };
    shuffleWith = (elements, nextIntBounded) => {
      return suspend(() => pipe(sync(() => Array.from(elements)), flatMap7((buffer2) => {
        const numbers = [];
        for (let i = buffer2.length; i >= 2; i = i - 1) {
          numbers.push(i);
        }
        return pipe(numbers, forEachSequentialDiscard((n2) => pipe(nextIntBounded(n2), map11((k) => swap(buffer2, n2 - 1, k)))), as(fromIterable2(buffer2)));
      })));
    };
    swap = (buffer2, index1, index2) => {
      const tmp = buffer2[index1];
      buffer2[index1] = buffer2[index2];
      buffer2[index2] = tmp;
      return buffer2;
    };
    make21 = (seed) => new RandomImpl(hash(seed));
    FixedRandomImpl = class {
      values;
      [RandomTypeId] = RandomTypeId;
      index = 0;
      constructor(values3) {
        this.values = values3;
        if (values3.length === 0) {
          throw new Error("Requires at least one value");
        }
      }
      getNextValue() {
        const value2 = this.values[this.index];
        this.index = (this.index + 1) % this.values.length;
        return value2;
      }
      get next() {
        return sync(() => {
          const value2 = this.getNextValue();
          if (typeof value2 === "number") {
            return Math.max(0, Math.min(1, value2));
          }
          return hash(value2) / 2147483647;
        });
      }
      get nextBoolean() {
        return sync(() => {
          const value2 = this.getNextValue();
          if (typeof value2 === "boolean") {
            return value2;
          }
          return hash(value2) % 2 === 0;
        });
      }
      get nextInt() {
        return sync(() => {
          const value2 = this.getNextValue();
          if (typeof value2 === "number" && Number.isFinite(value2)) {
            return Math.round(value2);
          }
          return Math.abs(hash(value2));
        });
      }
      nextRange(min3, max5) {
        return map11(this.next, (n2) => (max5 - min3) * n2 + min3);
      }
      nextIntBetween(min3, max5) {
        return sync(() => {
          const value2 = this.getNextValue();
          if (typeof value2 === "number" && Number.isFinite(value2)) {
            return Math.max(min3, Math.min(max5 - 1, Math.round(value2)));
          }
          const hash2 = Math.abs(hash(value2));
          return min3 + hash2 % (max5 - min3);
        });
      }
      shuffle(elements) {
        return shuffleWith(elements, (n2) => this.nextIntBetween(0, n2));
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/tracer.js
var TracerTypeId, make22, tracerTag, spanTag, randomHexString, NativeSpan, nativeTracer, addSpanStackTrace, DisablePropagation;
var init_tracer = __esm({
  "node_modules/effect/dist/esm/internal/tracer.js"() {
    init_Context();
    init_Function();
    init_stackTraceLimit();
    TracerTypeId = /* @__PURE__ */ Symbol.for("effect/Tracer");
    make22 = (options3) => ({
      [TracerTypeId]: TracerTypeId,
      ...options3
    });
    tracerTag = /* @__PURE__ */ GenericTag("effect/Tracer");
    spanTag = /* @__PURE__ */ GenericTag("effect/ParentSpan");
    randomHexString = /* @__PURE__ */ (function() {
      const characters = "abcdef0123456789";
      const charactersLength = characters.length;
      return function(length3) {
        let result = "";
        for (let i = 0; i < length3; i++) {
          result += characters.charAt(Math.floor(Math.random() * charactersLength));
        }
        return result;
      };
    })();
    NativeSpan = class {
      name;
      parent;
      context;
      startTime;
      kind;
      _tag = "Span";
      spanId;
      traceId = "native";
      sampled = true;
      status;
      attributes;
      events = [];
      links;
      constructor(name, parent, context5, links, startTime, kind) {
        this.name = name;
        this.parent = parent;
        this.context = context5;
        this.startTime = startTime;
        this.kind = kind;
        this.status = {
          _tag: "Started",
          startTime
        };
        this.attributes = /* @__PURE__ */ new Map();
        this.traceId = parent._tag === "Some" ? parent.value.traceId : randomHexString(32);
        this.spanId = randomHexString(16);
        this.links = Array.from(links);
      }
      end(endTime, exit4) {
        this.status = {
          _tag: "Ended",
          endTime,
          exit: exit4,
          startTime: this.status.startTime
        };
      }
      attribute(key, value2) {
        this.attributes.set(key, value2);
      }
      event(name, startTime, attributes) {
        this.events.push([name, startTime, attributes ?? {}]);
      }
      addLinks(links) {
        this.links.push(...links);
      }
    };
    nativeTracer = /* @__PURE__ */ make22({
      span: (name, parent, context5, links, startTime, kind) => new NativeSpan(name, parent, context5, links, startTime, kind),
      context: (f) => f()
    });
    addSpanStackTrace = (options3) => {
      if (options3?.captureStackTrace === false) {
        return options3;
      } else if (options3?.captureStackTrace !== void 0 && typeof options3.captureStackTrace !== "boolean") {
        return options3;
      }
      const limit = getStackTraceLimit();
      setStackTraceLimit(3);
      const traceError = new Error();
      setStackTraceLimit(limit);
      let cache = false;
      return {
        ...options3,
        captureStackTrace: () => {
          if (cache !== false) {
            return cache;
          }
          if (traceError.stack !== void 0) {
            const stack = traceError.stack.split("\n");
            if (stack[3] !== void 0) {
              cache = stack[3].trim();
              return cache;
            }
          }
        }
      };
    };
    DisablePropagation = /* @__PURE__ */ Reference2()("effect/Tracer/DisablePropagation", {
      defaultValue: constFalse
    });
  }
});

// node_modules/effect/dist/esm/internal/defaultServices.js
var liveServices, currentServices, sleep, defaultServicesWith, clockWith, currentTimeMillis;
var init_defaultServices = __esm({
  "node_modules/effect/dist/esm/internal/defaultServices.js"() {
    init_Context();
    init_Duration();
    init_Function();
    init_GlobalValue();
    init_clock();
    init_configProvider();
    init_core();
    init_console();
    init_random();
    init_tracer();
    liveServices = /* @__PURE__ */ pipe(/* @__PURE__ */ empty8(), /* @__PURE__ */ add4(clockTag, /* @__PURE__ */ make18()), /* @__PURE__ */ add4(consoleTag, defaultConsole), /* @__PURE__ */ add4(randomTag, /* @__PURE__ */ make21(/* @__PURE__ */ Math.random())), /* @__PURE__ */ add4(configProviderTag, /* @__PURE__ */ fromEnv()), /* @__PURE__ */ add4(tracerTag, nativeTracer));
    currentServices = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/DefaultServices/currentServices"), () => fiberRefUnsafeMakeContext(liveServices));
    sleep = (duration) => {
      const decodedDuration = decode(duration);
      return clockWith((clock3) => clock3.sleep(decodedDuration));
    };
    defaultServicesWith = (f) => withFiberRuntime((fiber) => f(fiber.currentDefaultServices));
    clockWith = (f) => defaultServicesWith((services) => f(services.unsafeMap.get(clockTag.key)));
    currentTimeMillis = /* @__PURE__ */ clockWith((clock3) => clock3.currentTimeMillis);
  }
});

// node_modules/effect/dist/esm/Effectable.js
var EffectPrototype2, Base2, Class2;
var init_Effectable = __esm({
  "node_modules/effect/dist/esm/Effectable.js"() {
    init_effectable();
    EffectPrototype2 = EffectPrototype;
    Base2 = Base;
    Class2 = class extends Base2 {
    };
  }
});

// node_modules/effect/dist/esm/internal/executionStrategy.js
var OP_SEQUENTIAL2, OP_PARALLEL2, OP_PARALLEL_N, sequential2, parallel2, parallelN, isSequential, isParallel;
var init_executionStrategy = __esm({
  "node_modules/effect/dist/esm/internal/executionStrategy.js"() {
    OP_SEQUENTIAL2 = "Sequential";
    OP_PARALLEL2 = "Parallel";
    OP_PARALLEL_N = "ParallelN";
    sequential2 = {
      _tag: OP_SEQUENTIAL2
    };
    parallel2 = {
      _tag: OP_PARALLEL2
    };
    parallelN = (parallelism) => ({
      _tag: OP_PARALLEL_N,
      parallelism
    });
    isSequential = (self) => self._tag === OP_SEQUENTIAL2;
    isParallel = (self) => self._tag === OP_PARALLEL2;
  }
});

// node_modules/effect/dist/esm/ExecutionStrategy.js
var sequential3, parallel3, parallelN2;
var init_ExecutionStrategy = __esm({
  "node_modules/effect/dist/esm/ExecutionStrategy.js"() {
    init_executionStrategy();
    sequential3 = sequential2;
    parallel3 = parallel2;
    parallelN2 = parallelN;
  }
});

// node_modules/effect/dist/esm/internal/fiberRefs.js
function unsafeMake3(fiberRefLocals) {
  return new FiberRefsImpl(fiberRefLocals);
}
function empty16() {
  return unsafeMake3(/* @__PURE__ */ new Map());
}
var FiberRefsSym, FiberRefsImpl, findAncestor, joinAs, forkAs, unsafeForkAs, delete_, get8, getOrDefault, updateAs, unsafeUpdateAs, updateManyAs;
var init_fiberRefs = __esm({
  "node_modules/effect/dist/esm/internal/fiberRefs.js"() {
    init_Array();
    init_Equal();
    init_Function();
    init_Option();
    init_Pipeable();
    FiberRefsSym = /* @__PURE__ */ Symbol.for("effect/FiberRefs");
    FiberRefsImpl = class {
      locals;
      [FiberRefsSym] = FiberRefsSym;
      constructor(locals) {
        this.locals = locals;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    findAncestor = (_ref, _parentStack, _childStack, _childModified = false) => {
      const ref = _ref;
      let parentStack = _parentStack;
      let childStack = _childStack;
      let childModified = _childModified;
      let ret = void 0;
      while (ret === void 0) {
        if (isNonEmptyReadonlyArray(parentStack) && isNonEmptyReadonlyArray(childStack)) {
          const parentFiberId = headNonEmpty(parentStack)[0];
          const parentAncestors = tailNonEmpty(parentStack);
          const childFiberId = headNonEmpty(childStack)[0];
          const childRefValue = headNonEmpty(childStack)[1];
          const childAncestors = tailNonEmpty(childStack);
          if (parentFiberId.startTimeMillis < childFiberId.startTimeMillis) {
            childStack = childAncestors;
            childModified = true;
          } else if (parentFiberId.startTimeMillis > childFiberId.startTimeMillis) {
            parentStack = parentAncestors;
          } else {
            if (parentFiberId.id < childFiberId.id) {
              childStack = childAncestors;
              childModified = true;
            } else if (parentFiberId.id > childFiberId.id) {
              parentStack = parentAncestors;
            } else {
              ret = [childRefValue, childModified];
            }
          }
        } else {
          ret = [ref.initial, true];
        }
      }
      return ret;
    };
    joinAs = /* @__PURE__ */ dual(3, (self, fiberId2, that) => {
      const parentFiberRefs = new Map(self.locals);
      that.locals.forEach((childStack, fiberRef) => {
        const childValue = childStack[0][1];
        if (!childStack[0][0][symbol2](fiberId2)) {
          if (!parentFiberRefs.has(fiberRef)) {
            if (equals(childValue, fiberRef.initial)) {
              return;
            }
            parentFiberRefs.set(fiberRef, [[fiberId2, fiberRef.join(fiberRef.initial, childValue)]]);
            return;
          }
          const parentStack = parentFiberRefs.get(fiberRef);
          const [ancestor, wasModified] = findAncestor(fiberRef, parentStack, childStack);
          if (wasModified) {
            const patch11 = fiberRef.diff(ancestor, childValue);
            const oldValue = parentStack[0][1];
            const newValue = fiberRef.join(oldValue, fiberRef.patch(patch11)(oldValue));
            if (!equals(oldValue, newValue)) {
              let newStack;
              const parentFiberId = parentStack[0][0];
              if (parentFiberId[symbol2](fiberId2)) {
                newStack = [[parentFiberId, newValue], ...parentStack.slice(1)];
              } else {
                newStack = [[fiberId2, newValue], ...parentStack];
              }
              parentFiberRefs.set(fiberRef, newStack);
            }
          }
        }
      });
      return new FiberRefsImpl(parentFiberRefs);
    });
    forkAs = /* @__PURE__ */ dual(2, (self, childId) => {
      const map22 = /* @__PURE__ */ new Map();
      unsafeForkAs(self, map22, childId);
      return new FiberRefsImpl(map22);
    });
    unsafeForkAs = (self, map22, fiberId2) => {
      self.locals.forEach((stack, fiberRef) => {
        const oldValue = stack[0][1];
        const newValue = fiberRef.patch(fiberRef.fork)(oldValue);
        if (equals(oldValue, newValue)) {
          map22.set(fiberRef, stack);
        } else {
          map22.set(fiberRef, [[fiberId2, newValue], ...stack]);
        }
      });
    };
    delete_ = /* @__PURE__ */ dual(2, (self, fiberRef) => {
      const locals = new Map(self.locals);
      locals.delete(fiberRef);
      return new FiberRefsImpl(locals);
    });
    get8 = /* @__PURE__ */ dual(2, (self, fiberRef) => {
      if (!self.locals.has(fiberRef)) {
        return none2();
      }
      return some2(headNonEmpty(self.locals.get(fiberRef))[1]);
    });
    getOrDefault = /* @__PURE__ */ dual(2, (self, fiberRef) => pipe(get8(self, fiberRef), getOrElse(() => fiberRef.initial)));
    updateAs = /* @__PURE__ */ dual(2, (self, {
      fiberId: fiberId2,
      fiberRef,
      value: value2
    }) => {
      if (self.locals.size === 0) {
        return new FiberRefsImpl(/* @__PURE__ */ new Map([[fiberRef, [[fiberId2, value2]]]]));
      }
      const locals = new Map(self.locals);
      unsafeUpdateAs(locals, fiberId2, fiberRef, value2);
      return new FiberRefsImpl(locals);
    });
    unsafeUpdateAs = (locals, fiberId2, fiberRef, value2) => {
      const oldStack = locals.get(fiberRef) ?? [];
      let newStack;
      if (isNonEmptyReadonlyArray(oldStack)) {
        const [currentId, currentValue] = headNonEmpty(oldStack);
        if (currentId[symbol2](fiberId2)) {
          if (equals(currentValue, value2)) {
            return;
          } else {
            newStack = [[fiberId2, value2], ...oldStack.slice(1)];
          }
        } else {
          newStack = [[fiberId2, value2], ...oldStack];
        }
      } else {
        newStack = [[fiberId2, value2]];
      }
      locals.set(fiberRef, newStack);
    };
    updateManyAs = /* @__PURE__ */ dual(2, (self, {
      entries: entries2,
      forkAs: forkAs2
    }) => {
      if (self.locals.size === 0) {
        return new FiberRefsImpl(new Map(entries2));
      }
      const locals = new Map(self.locals);
      if (forkAs2 !== void 0) {
        unsafeForkAs(self, locals, forkAs2);
      }
      entries2.forEach(([fiberRef, values3]) => {
        if (values3.length === 1) {
          unsafeUpdateAs(locals, values3[0][0], fiberRef, values3[0][1]);
        } else {
          values3.forEach(([fiberId2, value2]) => {
            unsafeUpdateAs(locals, fiberId2, fiberRef, value2);
          });
        }
      });
      return new FiberRefsImpl(locals);
    });
  }
});

// node_modules/effect/dist/esm/FiberRefs.js
var get9, getOrDefault2, updateManyAs2, empty17;
var init_FiberRefs = __esm({
  "node_modules/effect/dist/esm/FiberRefs.js"() {
    init_fiberRefs();
    get9 = get8;
    getOrDefault2 = getOrDefault;
    updateManyAs2 = updateManyAs;
    empty17 = empty16;
  }
});

// node_modules/effect/dist/esm/internal/fiberRefs/patch.js
var OP_EMPTY2, OP_ADD, OP_REMOVE, OP_UPDATE, OP_AND_THEN, empty18, diff5, combine7, patch6;
var init_patch = __esm({
  "node_modules/effect/dist/esm/internal/fiberRefs/patch.js"() {
    init_Array();
    init_Equal();
    init_Function();
    init_fiberRefs();
    OP_EMPTY2 = "Empty";
    OP_ADD = "Add";
    OP_REMOVE = "Remove";
    OP_UPDATE = "Update";
    OP_AND_THEN = "AndThen";
    empty18 = {
      _tag: OP_EMPTY2
    };
    diff5 = (oldValue, newValue) => {
      const missingLocals = new Map(oldValue.locals);
      let patch11 = empty18;
      for (const [fiberRef, pairs] of newValue.locals.entries()) {
        const newValue2 = headNonEmpty(pairs)[1];
        const old = missingLocals.get(fiberRef);
        if (old !== void 0) {
          const oldValue2 = headNonEmpty(old)[1];
          if (!equals(oldValue2, newValue2)) {
            patch11 = combine7({
              _tag: OP_UPDATE,
              fiberRef,
              patch: fiberRef.diff(oldValue2, newValue2)
            })(patch11);
          }
        } else {
          patch11 = combine7({
            _tag: OP_ADD,
            fiberRef,
            value: newValue2
          })(patch11);
        }
        missingLocals.delete(fiberRef);
      }
      for (const [fiberRef] of missingLocals.entries()) {
        patch11 = combine7({
          _tag: OP_REMOVE,
          fiberRef
        })(patch11);
      }
      return patch11;
    };
    combine7 = /* @__PURE__ */ dual(2, (self, that) => ({
      _tag: OP_AND_THEN,
      first: self,
      second: that
    }));
    patch6 = /* @__PURE__ */ dual(3, (self, fiberId2, oldValue) => {
      let fiberRefs3 = oldValue;
      let patches = of(self);
      while (isNonEmptyReadonlyArray(patches)) {
        const head7 = headNonEmpty(patches);
        const tail = tailNonEmpty(patches);
        switch (head7._tag) {
          case OP_EMPTY2: {
            patches = tail;
            break;
          }
          case OP_ADD: {
            fiberRefs3 = updateAs(fiberRefs3, {
              fiberId: fiberId2,
              fiberRef: head7.fiberRef,
              value: head7.value
            });
            patches = tail;
            break;
          }
          case OP_REMOVE: {
            fiberRefs3 = delete_(fiberRefs3, head7.fiberRef);
            patches = tail;
            break;
          }
          case OP_UPDATE: {
            const value2 = getOrDefault(fiberRefs3, head7.fiberRef);
            fiberRefs3 = updateAs(fiberRefs3, {
              fiberId: fiberId2,
              fiberRef: head7.fiberRef,
              value: head7.fiberRef.patch(head7.patch)(value2)
            });
            patches = tail;
            break;
          }
          case OP_AND_THEN: {
            patches = prepend(head7.first)(prepend(head7.second)(tail));
            break;
          }
        }
      }
      return fiberRefs3;
    });
  }
});

// node_modules/effect/dist/esm/FiberRefsPatch.js
var diff6, patch7;
var init_FiberRefsPatch = __esm({
  "node_modules/effect/dist/esm/FiberRefsPatch.js"() {
    init_patch();
    diff6 = diff5;
    patch7 = patch6;
  }
});

// node_modules/effect/dist/esm/internal/fiberStatus.js
var FiberStatusSymbolKey, FiberStatusTypeId, OP_DONE, OP_RUNNING, OP_SUSPENDED, DoneHash, Done, Running, Suspended, done2, running, suspended, isFiberStatus, isDone;
var init_fiberStatus = __esm({
  "node_modules/effect/dist/esm/internal/fiberStatus.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Predicate();
    FiberStatusSymbolKey = "effect/FiberStatus";
    FiberStatusTypeId = /* @__PURE__ */ Symbol.for(FiberStatusSymbolKey);
    OP_DONE = "Done";
    OP_RUNNING = "Running";
    OP_SUSPENDED = "Suspended";
    DoneHash = /* @__PURE__ */ string(`${FiberStatusSymbolKey}-${OP_DONE}`);
    Done = class {
      [FiberStatusTypeId] = FiberStatusTypeId;
      _tag = OP_DONE;
      [symbol]() {
        return DoneHash;
      }
      [symbol2](that) {
        return isFiberStatus(that) && that._tag === OP_DONE;
      }
    };
    Running = class {
      runtimeFlags;
      [FiberStatusTypeId] = FiberStatusTypeId;
      _tag = OP_RUNNING;
      constructor(runtimeFlags2) {
        this.runtimeFlags = runtimeFlags2;
      }
      [symbol]() {
        return pipe(hash(FiberStatusSymbolKey), combine(hash(this._tag)), combine(hash(this.runtimeFlags)), cached(this));
      }
      [symbol2](that) {
        return isFiberStatus(that) && that._tag === OP_RUNNING && this.runtimeFlags === that.runtimeFlags;
      }
    };
    Suspended = class {
      runtimeFlags;
      blockingOn;
      [FiberStatusTypeId] = FiberStatusTypeId;
      _tag = OP_SUSPENDED;
      constructor(runtimeFlags2, blockingOn) {
        this.runtimeFlags = runtimeFlags2;
        this.blockingOn = blockingOn;
      }
      [symbol]() {
        return pipe(hash(FiberStatusSymbolKey), combine(hash(this._tag)), combine(hash(this.runtimeFlags)), combine(hash(this.blockingOn)), cached(this));
      }
      [symbol2](that) {
        return isFiberStatus(that) && that._tag === OP_SUSPENDED && this.runtimeFlags === that.runtimeFlags && equals(this.blockingOn, that.blockingOn);
      }
    };
    done2 = /* @__PURE__ */ new Done();
    running = (runtimeFlags2) => new Running(runtimeFlags2);
    suspended = (runtimeFlags2, blockingOn) => new Suspended(runtimeFlags2, blockingOn);
    isFiberStatus = (u) => hasProperty(u, FiberStatusTypeId);
    isDone = (self) => self._tag === OP_DONE;
  }
});

// node_modules/effect/dist/esm/FiberStatus.js
var done3, running2, suspended2, isDone2;
var init_FiberStatus = __esm({
  "node_modules/effect/dist/esm/FiberStatus.js"() {
    init_fiberStatus();
    done3 = done2;
    running2 = running;
    suspended2 = suspended;
    isDone2 = isDone;
  }
});

// node_modules/effect/dist/esm/LogLevel.js
var All, Fatal, Error2, Warning, Info, Debug, Trace, None3, Order2, greaterThan2, fromLiteral;
var init_LogLevel = __esm({
  "node_modules/effect/dist/esm/LogLevel.js"() {
    init_Function();
    init_core();
    init_Number();
    init_Order();
    All = logLevelAll;
    Fatal = logLevelFatal;
    Error2 = logLevelError;
    Warning = logLevelWarning;
    Info = logLevelInfo;
    Debug = logLevelDebug;
    Trace = logLevelTrace;
    None3 = logLevelNone;
    Order2 = /* @__PURE__ */ pipe(Order, /* @__PURE__ */ mapInput2((level) => level.ordinal));
    greaterThan2 = /* @__PURE__ */ greaterThan(Order2);
    fromLiteral = (literal) => {
      switch (literal) {
        case "All":
          return All;
        case "Debug":
          return Debug;
        case "Error":
          return Error2;
        case "Fatal":
          return Fatal;
        case "Info":
          return Info;
        case "Trace":
          return Trace;
        case "None":
          return None3;
        case "Warning":
          return Warning;
      }
    };
  }
});

// node_modules/effect/dist/esm/Micro.js
function defaultEvaluate(_fiber) {
  return exitDie2(`Micro.evaluate: Not implemented`);
}
var TypeId9, MicroExitTypeId, MicroCauseTypeId, microCauseVariance, MicroCauseImpl, Die, causeDie, Interrupt, causeInterrupt, causeIsInterrupt, MicroFiberTypeId, fiberVariance, MicroFiberImpl, fiberMiddleware, fiberInterruptAll, identifier, args, evaluate, successCont, failureCont, ensureCont, Yield, microVariance, MicroProto, makePrimitiveProto, makePrimitive, makeExit, succeed2, failCause2, sync2, suspend2, yieldNowWith, yieldNow2, void_2, withMicroFiber, asyncOptions, asyncFinalizer, async, as2, exit2, flatMap8, OnSuccessProto, map12, isMicroExit, exitSucceed2, exitFailCause2, exitInterrupt2, exitDie2, exitVoid2, exitVoidAll, setImmediate, MicroSchedulerDefault, updateContext, provideContext2, MaxOpsBeforeYield, CurrentConcurrency, CurrentScheduler, matchCauseEffect2, OnSuccessAndFailureProto, matchCause2, MicroScopeTypeId, MicroScopeImpl, onExit2, setInterruptible, interruptible3, uninterruptibleMask2, whileLoop2, forEach4, unsafeFork, runFork;
var init_Micro = __esm({
  "node_modules/effect/dist/esm/Micro.js"() {
    init_Array();
    init_Context();
    init_Effectable();
    init_Equal();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_Inspectable();
    init_context();
    init_Pipeable();
    init_Predicate();
    init_Utils();
    TypeId9 = /* @__PURE__ */ Symbol.for("effect/Micro");
    MicroExitTypeId = /* @__PURE__ */ Symbol.for("effect/Micro/MicroExit");
    MicroCauseTypeId = /* @__PURE__ */ Symbol.for("effect/Micro/MicroCause");
    microCauseVariance = {
      _E: identity
    };
    MicroCauseImpl = class extends globalThis.Error {
      _tag;
      traces;
      [MicroCauseTypeId];
      constructor(_tag, originalError, traces) {
        const causeName = `MicroCause.${_tag}`;
        let name;
        let message;
        let stack;
        if (originalError instanceof globalThis.Error) {
          name = `(${causeName}) ${originalError.name}`;
          message = originalError.message;
          const messageLines = message.split("\n").length;
          stack = originalError.stack ? `(${causeName}) ${originalError.stack.split("\n").slice(0, messageLines + 3).join("\n")}` : `${name}: ${message}`;
        } else {
          name = causeName;
          message = toStringUnknown(originalError, 0);
          stack = `${name}: ${message}`;
        }
        if (traces.length > 0) {
          stack += `
    ${traces.join("\n    ")}`;
        }
        super(message);
        this._tag = _tag;
        this.traces = traces;
        this[MicroCauseTypeId] = microCauseVariance;
        this.name = name;
        this.stack = stack;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      toString() {
        return this.stack;
      }
      [NodeInspectSymbol]() {
        return this.stack;
      }
    };
    Die = class extends MicroCauseImpl {
      defect;
      constructor(defect, traces = []) {
        super("Die", defect, traces);
        this.defect = defect;
      }
    };
    causeDie = (defect, traces = []) => new Die(defect, traces);
    Interrupt = class extends MicroCauseImpl {
      constructor(traces = []) {
        super("Interrupt", "interrupted", traces);
      }
    };
    causeInterrupt = (traces = []) => new Interrupt(traces);
    causeIsInterrupt = (self) => self._tag === "Interrupt";
    MicroFiberTypeId = /* @__PURE__ */ Symbol.for("effect/Micro/MicroFiber");
    fiberVariance = {
      _A: identity,
      _E: identity
    };
    MicroFiberImpl = class {
      context;
      interruptible;
      [MicroFiberTypeId];
      _stack = [];
      _observers = [];
      _exit;
      _children;
      currentOpCount = 0;
      constructor(context5, interruptible5 = true) {
        this.context = context5;
        this.interruptible = interruptible5;
        this[MicroFiberTypeId] = fiberVariance;
      }
      getRef(ref) {
        return unsafeGetReference(this.context, ref);
      }
      addObserver(cb) {
        if (this._exit) {
          cb(this._exit);
          return constVoid;
        }
        this._observers.push(cb);
        return () => {
          const index = this._observers.indexOf(cb);
          if (index >= 0) {
            this._observers.splice(index, 1);
          }
        };
      }
      _interrupted = false;
      unsafeInterrupt() {
        if (this._exit) {
          return;
        }
        this._interrupted = true;
        if (this.interruptible) {
          this.evaluate(exitInterrupt2);
        }
      }
      unsafePoll() {
        return this._exit;
      }
      evaluate(effect3) {
        if (this._exit) {
          return;
        } else if (this._yielded !== void 0) {
          const yielded = this._yielded;
          this._yielded = void 0;
          yielded();
        }
        const exit4 = this.runLoop(effect3);
        if (exit4 === Yield) {
          return;
        }
        const interruptChildren = fiberMiddleware.interruptChildren && fiberMiddleware.interruptChildren(this);
        if (interruptChildren !== void 0) {
          return this.evaluate(flatMap8(interruptChildren, () => exit4));
        }
        this._exit = exit4;
        for (let i = 0; i < this._observers.length; i++) {
          this._observers[i](exit4);
        }
        this._observers.length = 0;
      }
      runLoop(effect3) {
        let yielding = false;
        let current = effect3;
        this.currentOpCount = 0;
        try {
          while (true) {
            this.currentOpCount++;
            if (!yielding && this.getRef(CurrentScheduler).shouldYield(this)) {
              yielding = true;
              const prev = current;
              current = flatMap8(yieldNow2, () => prev);
            }
            current = current[evaluate](this);
            if (current === Yield) {
              const yielded = this._yielded;
              if (MicroExitTypeId in yielded) {
                this._yielded = void 0;
                return yielded;
              }
              return Yield;
            }
          }
        } catch (error) {
          if (!hasProperty(current, evaluate)) {
            return exitDie2(`MicroFiber.runLoop: Not a valid effect: ${String(current)}`);
          }
          return exitDie2(error);
        }
      }
      getCont(symbol3) {
        while (true) {
          const op = this._stack.pop();
          if (!op) return void 0;
          const cont = op[ensureCont] && op[ensureCont](this);
          if (cont) return {
            [symbol3]: cont
          };
          if (op[symbol3]) return op;
        }
      }
      // cancel the yielded operation, or for the yielded exit value
      _yielded = void 0;
      yieldWith(value2) {
        this._yielded = value2;
        return Yield;
      }
      children() {
        return this._children ??= /* @__PURE__ */ new Set();
      }
    };
    fiberMiddleware = /* @__PURE__ */ globalValue("effect/Micro/fiberMiddleware", () => ({
      interruptChildren: void 0
    }));
    fiberInterruptAll = (fibers) => suspend2(() => {
      for (const fiber of fibers) fiber.unsafeInterrupt();
      const iter = fibers[Symbol.iterator]();
      const wait = suspend2(() => {
        let result = iter.next();
        while (!result.done) {
          if (result.value.unsafePoll()) {
            result = iter.next();
            continue;
          }
          const fiber = result.value;
          return async((resume2) => {
            fiber.addObserver((_) => {
              resume2(wait);
            });
          });
        }
        return exitVoid2;
      });
      return wait;
    });
    identifier = /* @__PURE__ */ Symbol.for("effect/Micro/identifier");
    args = /* @__PURE__ */ Symbol.for("effect/Micro/args");
    evaluate = /* @__PURE__ */ Symbol.for("effect/Micro/evaluate");
    successCont = /* @__PURE__ */ Symbol.for("effect/Micro/successCont");
    failureCont = /* @__PURE__ */ Symbol.for("effect/Micro/failureCont");
    ensureCont = /* @__PURE__ */ Symbol.for("effect/Micro/ensureCont");
    Yield = /* @__PURE__ */ Symbol.for("effect/Micro/Yield");
    microVariance = {
      _A: identity,
      _E: identity,
      _R: identity
    };
    MicroProto = {
      ...EffectPrototype2,
      _op: "Micro",
      [TypeId9]: microVariance,
      pipe() {
        return pipeArguments(this, arguments);
      },
      [Symbol.iterator]() {
        return new SingleShotGen(new YieldWrap(this));
      },
      toJSON() {
        return {
          _id: "Micro",
          op: this[identifier],
          ...args in this ? {
            args: this[args]
          } : void 0
        };
      },
      toString() {
        return format(this);
      },
      [NodeInspectSymbol]() {
        return format(this);
      }
    };
    makePrimitiveProto = (options3) => ({
      ...MicroProto,
      [identifier]: options3.op,
      [evaluate]: options3.eval ?? defaultEvaluate,
      [successCont]: options3.contA,
      [failureCont]: options3.contE,
      [ensureCont]: options3.ensure
    });
    makePrimitive = (options3) => {
      const Proto5 = makePrimitiveProto(options3);
      return function() {
        const self = Object.create(Proto5);
        self[args] = options3.single === false ? arguments : arguments[0];
        return self;
      };
    };
    makeExit = (options3) => {
      const Proto5 = {
        ...makePrimitiveProto(options3),
        [MicroExitTypeId]: MicroExitTypeId,
        _tag: options3.op,
        get [options3.prop]() {
          return this[args];
        },
        toJSON() {
          return {
            _id: "MicroExit",
            _tag: options3.op,
            [options3.prop]: this[args]
          };
        },
        [symbol2](that) {
          return isMicroExit(that) && that._tag === options3.op && equals(this[args], that[args]);
        },
        [symbol]() {
          return cached(this, combine(string(options3.op))(hash(this[args])));
        }
      };
      return function(value2) {
        const self = Object.create(Proto5);
        self[args] = value2;
        self[successCont] = void 0;
        self[failureCont] = void 0;
        self[ensureCont] = void 0;
        return self;
      };
    };
    succeed2 = /* @__PURE__ */ makeExit({
      op: "Success",
      prop: "value",
      eval(fiber) {
        const cont = fiber.getCont(successCont);
        return cont ? cont[successCont](this[args], fiber) : fiber.yieldWith(this);
      }
    });
    failCause2 = /* @__PURE__ */ makeExit({
      op: "Failure",
      prop: "cause",
      eval(fiber) {
        let cont = fiber.getCont(failureCont);
        while (causeIsInterrupt(this[args]) && cont && fiber.interruptible) {
          cont = fiber.getCont(failureCont);
        }
        return cont ? cont[failureCont](this[args], fiber) : fiber.yieldWith(this);
      }
    });
    sync2 = /* @__PURE__ */ makePrimitive({
      op: "Sync",
      eval(fiber) {
        const value2 = this[args]();
        const cont = fiber.getCont(successCont);
        return cont ? cont[successCont](value2, fiber) : fiber.yieldWith(exitSucceed2(value2));
      }
    });
    suspend2 = /* @__PURE__ */ makePrimitive({
      op: "Suspend",
      eval(_fiber) {
        return this[args]();
      }
    });
    yieldNowWith = /* @__PURE__ */ makePrimitive({
      op: "Yield",
      eval(fiber) {
        let resumed = false;
        fiber.getRef(CurrentScheduler).scheduleTask(() => {
          if (resumed) return;
          fiber.evaluate(exitVoid2);
        }, this[args] ?? 0);
        return fiber.yieldWith(() => {
          resumed = true;
        });
      }
    });
    yieldNow2 = /* @__PURE__ */ yieldNowWith(0);
    void_2 = /* @__PURE__ */ succeed2(void 0);
    withMicroFiber = /* @__PURE__ */ makePrimitive({
      op: "WithMicroFiber",
      eval(fiber) {
        return this[args](fiber);
      }
    });
    asyncOptions = /* @__PURE__ */ makePrimitive({
      op: "Async",
      single: false,
      eval(fiber) {
        const register = this[args][0];
        let resumed = false;
        let yielded = false;
        const controller = this[args][1] ? new AbortController() : void 0;
        const onCancel = register((effect3) => {
          if (resumed) return;
          resumed = true;
          if (yielded) {
            fiber.evaluate(effect3);
          } else {
            yielded = effect3;
          }
        }, controller?.signal);
        if (yielded !== false) return yielded;
        yielded = true;
        fiber._yielded = () => {
          resumed = true;
        };
        if (controller === void 0 && onCancel === void 0) {
          return Yield;
        }
        fiber._stack.push(asyncFinalizer(() => {
          resumed = true;
          controller?.abort();
          return onCancel ?? exitVoid2;
        }));
        return Yield;
      }
    });
    asyncFinalizer = /* @__PURE__ */ makePrimitive({
      op: "AsyncFinalizer",
      ensure(fiber) {
        if (fiber.interruptible) {
          fiber.interruptible = false;
          fiber._stack.push(setInterruptible(true));
        }
      },
      contE(cause2, _fiber) {
        return causeIsInterrupt(cause2) ? flatMap8(this[args](), () => failCause2(cause2)) : failCause2(cause2);
      }
    });
    async = (register) => asyncOptions(register, register.length >= 2);
    as2 = /* @__PURE__ */ dual(2, (self, value2) => map12(self, (_) => value2));
    exit2 = (self) => matchCause2(self, {
      onFailure: exitFailCause2,
      onSuccess: exitSucceed2
    });
    flatMap8 = /* @__PURE__ */ dual(2, (self, f) => {
      const onSuccess = Object.create(OnSuccessProto);
      onSuccess[args] = self;
      onSuccess[successCont] = f;
      return onSuccess;
    });
    OnSuccessProto = /* @__PURE__ */ makePrimitiveProto({
      op: "OnSuccess",
      eval(fiber) {
        fiber._stack.push(this);
        return this[args];
      }
    });
    map12 = /* @__PURE__ */ dual(2, (self, f) => flatMap8(self, (a) => succeed2(f(a))));
    isMicroExit = (u) => hasProperty(u, MicroExitTypeId);
    exitSucceed2 = succeed2;
    exitFailCause2 = failCause2;
    exitInterrupt2 = /* @__PURE__ */ exitFailCause2(/* @__PURE__ */ causeInterrupt());
    exitDie2 = (defect) => exitFailCause2(causeDie(defect));
    exitVoid2 = /* @__PURE__ */ exitSucceed2(void 0);
    exitVoidAll = (exits) => {
      for (const exit4 of exits) {
        if (exit4._tag === "Failure") {
          return exit4;
        }
      }
      return exitVoid2;
    };
    setImmediate = "setImmediate" in globalThis ? globalThis.setImmediate : (f) => setTimeout(f, 0);
    MicroSchedulerDefault = class {
      tasks = [];
      running = false;
      /**
       * @since 3.5.9
       */
      scheduleTask(task, _priority) {
        this.tasks.push(task);
        if (!this.running) {
          this.running = true;
          setImmediate(this.afterScheduled);
        }
      }
      /**
       * @since 3.5.9
       */
      afterScheduled = () => {
        this.running = false;
        this.runTasks();
      };
      /**
       * @since 3.5.9
       */
      runTasks() {
        const tasks = this.tasks;
        this.tasks = [];
        for (let i = 0, len = tasks.length; i < len; i++) {
          tasks[i]();
        }
      }
      /**
       * @since 3.5.9
       */
      shouldYield(fiber) {
        return fiber.currentOpCount >= fiber.getRef(MaxOpsBeforeYield);
      }
      /**
       * @since 3.5.9
       */
      flush() {
        while (this.tasks.length > 0) {
          this.runTasks();
        }
      }
    };
    updateContext = /* @__PURE__ */ dual(2, (self, f) => withMicroFiber((fiber) => {
      const prev = fiber.context;
      fiber.context = f(prev);
      return onExit2(self, () => {
        fiber.context = prev;
        return void_2;
      });
    }));
    provideContext2 = /* @__PURE__ */ dual(2, (self, provided) => updateContext(self, merge3(provided)));
    MaxOpsBeforeYield = class extends (/* @__PURE__ */ Reference2()("effect/Micro/currentMaxOpsBeforeYield", {
      defaultValue: () => 2048
    })) {
    };
    CurrentConcurrency = class extends (/* @__PURE__ */ Reference2()("effect/Micro/currentConcurrency", {
      defaultValue: () => "unbounded"
    })) {
    };
    CurrentScheduler = class extends (/* @__PURE__ */ Reference2()("effect/Micro/currentScheduler", {
      defaultValue: () => new MicroSchedulerDefault()
    })) {
    };
    matchCauseEffect2 = /* @__PURE__ */ dual(2, (self, options3) => {
      const primitive = Object.create(OnSuccessAndFailureProto);
      primitive[args] = self;
      primitive[successCont] = options3.onSuccess;
      primitive[failureCont] = options3.onFailure;
      return primitive;
    });
    OnSuccessAndFailureProto = /* @__PURE__ */ makePrimitiveProto({
      op: "OnSuccessAndFailure",
      eval(fiber) {
        fiber._stack.push(this);
        return this[args];
      }
    });
    matchCause2 = /* @__PURE__ */ dual(2, (self, options3) => matchCauseEffect2(self, {
      onFailure: (cause2) => sync2(() => options3.onFailure(cause2)),
      onSuccess: (value2) => sync2(() => options3.onSuccess(value2))
    }));
    MicroScopeTypeId = /* @__PURE__ */ Symbol.for("effect/Micro/MicroScope");
    MicroScopeImpl = class _MicroScopeImpl {
      [MicroScopeTypeId];
      state = {
        _tag: "Open",
        finalizers: /* @__PURE__ */ new Set()
      };
      constructor() {
        this[MicroScopeTypeId] = MicroScopeTypeId;
      }
      unsafeAddFinalizer(finalizer2) {
        if (this.state._tag === "Open") {
          this.state.finalizers.add(finalizer2);
        }
      }
      addFinalizer(finalizer2) {
        return suspend2(() => {
          if (this.state._tag === "Open") {
            this.state.finalizers.add(finalizer2);
            return void_2;
          }
          return finalizer2(this.state.exit);
        });
      }
      unsafeRemoveFinalizer(finalizer2) {
        if (this.state._tag === "Open") {
          this.state.finalizers.delete(finalizer2);
        }
      }
      close(microExit) {
        return suspend2(() => {
          if (this.state._tag === "Open") {
            const finalizers = Array.from(this.state.finalizers).reverse();
            this.state = {
              _tag: "Closed",
              exit: microExit
            };
            return flatMap8(forEach4(finalizers, (finalizer2) => exit2(finalizer2(microExit))), exitVoidAll);
          }
          return void_2;
        });
      }
      get fork() {
        return sync2(() => {
          const newScope = new _MicroScopeImpl();
          if (this.state._tag === "Closed") {
            newScope.state = this.state;
            return newScope;
          }
          function fin(exit4) {
            return newScope.close(exit4);
          }
          this.state.finalizers.add(fin);
          newScope.unsafeAddFinalizer((_) => sync2(() => this.unsafeRemoveFinalizer(fin)));
          return newScope;
        });
      }
    };
    onExit2 = /* @__PURE__ */ dual(2, (self, f) => uninterruptibleMask2((restore) => matchCauseEffect2(restore(self), {
      onFailure: (cause2) => flatMap8(f(exitFailCause2(cause2)), () => failCause2(cause2)),
      onSuccess: (a) => flatMap8(f(exitSucceed2(a)), () => succeed2(a))
    })));
    setInterruptible = /* @__PURE__ */ makePrimitive({
      op: "SetInterruptible",
      ensure(fiber) {
        fiber.interruptible = this[args];
        if (fiber._interrupted && fiber.interruptible) {
          return () => exitInterrupt2;
        }
      }
    });
    interruptible3 = (self) => withMicroFiber((fiber) => {
      if (fiber.interruptible) return self;
      fiber.interruptible = true;
      fiber._stack.push(setInterruptible(false));
      if (fiber._interrupted) return exitInterrupt2;
      return self;
    });
    uninterruptibleMask2 = (f) => withMicroFiber((fiber) => {
      if (!fiber.interruptible) return f(identity);
      fiber.interruptible = false;
      fiber._stack.push(setInterruptible(true));
      return f(interruptible3);
    });
    whileLoop2 = /* @__PURE__ */ makePrimitive({
      op: "While",
      contA(value2, fiber) {
        this[args].step(value2);
        if (this[args].while()) {
          fiber._stack.push(this);
          return this[args].body();
        }
        return exitVoid2;
      },
      eval(fiber) {
        if (this[args].while()) {
          fiber._stack.push(this);
          return this[args].body();
        }
        return exitVoid2;
      }
    });
    forEach4 = (iterable, f, options3) => withMicroFiber((parent) => {
      const concurrencyOption = options3?.concurrency === "inherit" ? parent.getRef(CurrentConcurrency) : options3?.concurrency ?? 1;
      const concurrency = concurrencyOption === "unbounded" ? Number.POSITIVE_INFINITY : Math.max(1, concurrencyOption);
      const items = fromIterable(iterable);
      let length3 = items.length;
      if (length3 === 0) {
        return options3?.discard ? void_2 : succeed2([]);
      }
      const out = options3?.discard ? void 0 : new Array(length3);
      let index = 0;
      if (concurrency === 1) {
        return as2(whileLoop2({
          while: () => index < items.length,
          body: () => f(items[index], index),
          step: out ? (b) => out[index++] = b : (_) => index++
        }), out);
      }
      return async((resume2) => {
        const fibers = /* @__PURE__ */ new Set();
        let result = void 0;
        let inProgress = 0;
        let doneCount = 0;
        let pumping = false;
        let interrupted2 = false;
        function pump() {
          pumping = true;
          while (inProgress < concurrency && index < length3) {
            const currentIndex = index;
            const item = items[currentIndex];
            index++;
            inProgress++;
            try {
              const child = unsafeFork(parent, f(item, currentIndex), true, true);
              fibers.add(child);
              child.addObserver((exit4) => {
                fibers.delete(child);
                if (interrupted2) {
                  return;
                } else if (exit4._tag === "Failure") {
                  if (result === void 0) {
                    result = exit4;
                    length3 = index;
                    fibers.forEach((fiber) => fiber.unsafeInterrupt());
                  }
                } else if (out !== void 0) {
                  out[currentIndex] = exit4.value;
                }
                doneCount++;
                inProgress--;
                if (doneCount === length3) {
                  resume2(result ?? succeed2(out));
                } else if (!pumping && inProgress < concurrency) {
                  pump();
                }
              });
            } catch (err) {
              result = exitDie2(err);
              length3 = index;
              fibers.forEach((fiber) => fiber.unsafeInterrupt());
            }
          }
          pumping = false;
        }
        pump();
        return suspend2(() => {
          interrupted2 = true;
          index = length3;
          return fiberInterruptAll(fibers);
        });
      });
    });
    unsafeFork = (parent, effect3, immediate = false, daemon = false) => {
      const child = new MicroFiberImpl(parent.context, parent.interruptible);
      if (!daemon) {
        parent.children().add(child);
        child.addObserver(() => parent.children().delete(child));
      }
      if (immediate) {
        child.evaluate(effect3);
      } else {
        parent.getRef(CurrentScheduler).scheduleTask(() => child.evaluate(effect3), 0);
      }
      return child;
    };
    runFork = (effect3, options3) => {
      const fiber = new MicroFiberImpl(CurrentScheduler.context(options3?.scheduler ?? new MicroSchedulerDefault()));
      fiber.evaluate(effect3);
      if (options3?.signal) {
        if (options3.signal.aborted) {
          fiber.unsafeInterrupt();
        } else {
          const abort = () => fiber.unsafeInterrupt();
          options3.signal.addEventListener("abort", abort, {
            once: true
          });
          fiber.addObserver(() => options3.signal.removeEventListener("abort", abort));
        }
      }
      return fiber;
    };
  }
});

// node_modules/effect/dist/esm/Readable.js
var TypeId10, Proto;
var init_Readable = __esm({
  "node_modules/effect/dist/esm/Readable.js"() {
    init_Pipeable();
    TypeId10 = /* @__PURE__ */ Symbol.for("effect/Readable");
    Proto = {
      [TypeId10]: TypeId10,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/ref.js
var RefTypeId, refVariance, RefImpl, unsafeMake4, make23, get10, set4, getAndSet, modify3, update2;
var init_ref = __esm({
  "node_modules/effect/dist/esm/internal/ref.js"() {
    init_Effectable();
    init_Function();
    init_MutableRef();
    init_Readable();
    init_core();
    RefTypeId = /* @__PURE__ */ Symbol.for("effect/Ref");
    refVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    RefImpl = class extends Class2 {
      ref;
      commit() {
        return this.get;
      }
      [RefTypeId] = refVariance;
      [TypeId10] = TypeId10;
      constructor(ref) {
        super();
        this.ref = ref;
        this.get = sync(() => get6(this.ref));
      }
      get;
      modify(f) {
        return sync(() => {
          const current = get6(this.ref);
          const [b, a] = f(current);
          if (current !== a) {
            set2(a)(this.ref);
          }
          return b;
        });
      }
    };
    unsafeMake4 = (value2) => new RefImpl(make11(value2));
    make23 = (value2) => sync(() => unsafeMake4(value2));
    get10 = (self) => self.get;
    set4 = /* @__PURE__ */ dual(2, (self, value2) => self.modify(() => [void 0, value2]));
    getAndSet = /* @__PURE__ */ dual(2, (self, value2) => self.modify((a) => [a, value2]));
    modify3 = /* @__PURE__ */ dual(2, (self, f) => self.modify(f));
    update2 = /* @__PURE__ */ dual(2, (self, f) => self.modify((a) => [void 0, f(a)]));
  }
});

// node_modules/effect/dist/esm/Ref.js
var make24, get11, getAndSet2, modify4, update3;
var init_Ref = __esm({
  "node_modules/effect/dist/esm/Ref.js"() {
    init_ref();
    make24 = make23;
    get11 = get10;
    getAndSet2 = getAndSet;
    modify4 = modify3;
    update3 = update2;
  }
});

// node_modules/effect/dist/esm/Scheduler.js
var SchedulerRunner, PriorityBuckets, MixedScheduler, defaultScheduler, SyncScheduler, currentScheduler;
var init_Scheduler = __esm({
  "node_modules/effect/dist/esm/Scheduler.js"() {
    init_GlobalValue();
    init_core();
    SchedulerRunner = class _SchedulerRunner {
      scheduleDrain;
      running = false;
      tasks = /* @__PURE__ */ new PriorityBuckets();
      constructor(scheduleDrain) {
        this.scheduleDrain = scheduleDrain;
      }
      starveInternal = (depth) => {
        const tasks = this.tasks.buckets;
        this.tasks.buckets = [];
        for (const [_, toRun] of tasks) {
          for (let i = 0; i < toRun.length; i++) {
            toRun[i]();
          }
        }
        if (this.tasks.buckets.length === 0) {
          this.running = false;
        } else {
          this.starve(depth);
        }
      };
      starve(depth = 0) {
        this.scheduleDrain(depth, this.starveInternal);
      }
      scheduleTask(task, priority) {
        this.tasks.scheduleTask(task, priority);
        if (!this.running) {
          this.running = true;
          this.starve();
        }
      }
      /**
       * @since 3.20.0
       * @category constructors
       */
      static cached(scheduleDrain) {
        const fallback = new _SchedulerRunner(scheduleDrain);
        const runners = /* @__PURE__ */ new WeakMap();
        return (fiber) => {
          if (fiber === void 0) {
            return fallback;
          }
          let runner = runners.get(fiber);
          if (runner === void 0) {
            runner = new _SchedulerRunner(scheduleDrain);
            runners.set(fiber, runner);
          }
          return runner;
        };
      }
    };
    PriorityBuckets = class {
      /**
       * @since 2.0.0
       */
      buckets = [];
      /**
       * @since 2.0.0
       */
      scheduleTask(task, priority) {
        const length3 = this.buckets.length;
        let bucket = void 0;
        let index = 0;
        for (; index < length3; index++) {
          if (this.buckets[index][0] <= priority) {
            bucket = this.buckets[index];
          } else {
            break;
          }
        }
        if (bucket && bucket[0] === priority) {
          bucket[1].push(task);
        } else if (index === length3) {
          this.buckets.push([priority, [task]]);
        } else {
          this.buckets.splice(index, 0, [priority, [task]]);
        }
      }
    };
    MixedScheduler = class {
      maxNextTickBeforeTimer;
      getRunner = /* @__PURE__ */ SchedulerRunner.cached((depth, drain4) => {
        if (depth >= this.maxNextTickBeforeTimer) {
          setTimeout(() => drain4(0), 0);
        } else {
          Promise.resolve(void 0).then(() => drain4(depth + 1));
        }
      });
      constructor(maxNextTickBeforeTimer) {
        this.maxNextTickBeforeTimer = maxNextTickBeforeTimer;
      }
      /**
       * @since 2.0.0
       */
      shouldYield(fiber) {
        return fiber.currentOpCount > fiber.getFiberRef(currentMaxOpsBeforeYield) ? fiber.getFiberRef(currentSchedulingPriority) : false;
      }
      /**
       * @since 2.0.0
       */
      scheduleTask(task, priority, fiber) {
        this.getRunner(fiber).scheduleTask(task, priority);
      }
    };
    defaultScheduler = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Scheduler/defaultScheduler"), () => new MixedScheduler(2048));
    SyncScheduler = class {
      /**
       * @since 2.0.0
       */
      tasks = /* @__PURE__ */ new PriorityBuckets();
      /**
       * @since 2.0.0
       */
      deferred = false;
      /**
       * @since 2.0.0
       */
      scheduleTask(task, priority, fiber) {
        if (this.deferred) {
          defaultScheduler.scheduleTask(task, priority, fiber);
        } else {
          this.tasks.scheduleTask(task, priority);
        }
      }
      /**
       * @since 2.0.0
       */
      shouldYield(fiber) {
        return fiber.currentOpCount > fiber.getFiberRef(currentMaxOpsBeforeYield) ? fiber.getFiberRef(currentSchedulingPriority) : false;
      }
      /**
       * @since 2.0.0
       */
      flush() {
        while (this.tasks.buckets.length > 0) {
          const tasks = this.tasks.buckets;
          this.tasks.buckets = [];
          for (const [_, toRun] of tasks) {
            for (let i = 0; i < toRun.length; i++) {
              toRun[i]();
            }
          }
        }
        this.deferred = true;
      }
    };
    currentScheduler = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentScheduler"), () => fiberRefUnsafeMake(defaultScheduler));
  }
});

// node_modules/effect/dist/esm/internal/completedRequestMap.js
var currentRequestMap;
var init_completedRequestMap = __esm({
  "node_modules/effect/dist/esm/internal/completedRequestMap.js"() {
    init_GlobalValue();
    init_core();
    currentRequestMap = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentRequestMap"), () => fiberRefUnsafeMake(/* @__PURE__ */ new Map()));
  }
});

// node_modules/effect/dist/esm/internal/concurrency.js
var match7;
var init_concurrency = __esm({
  "node_modules/effect/dist/esm/internal/concurrency.js"() {
    init_core();
    match7 = (concurrency, sequential4, unbounded4, bounded4) => {
      switch (concurrency) {
        case void 0:
          return sequential4();
        case "unbounded":
          return unbounded4();
        case "inherit":
          return fiberRefGetWith(currentConcurrency, (concurrency2) => concurrency2 === "unbounded" ? unbounded4() : concurrency2 > 1 ? bounded4(concurrency2) : sequential4());
        default:
          return concurrency > 1 ? bounded4(concurrency) : sequential4();
      }
    };
  }
});

// node_modules/effect/dist/esm/Clock.js
var sleep2, currentTimeMillis2, Clock;
var init_Clock = __esm({
  "node_modules/effect/dist/esm/Clock.js"() {
    init_clock();
    init_defaultServices();
    sleep2 = sleep;
    currentTimeMillis2 = currentTimeMillis;
    Clock = clockTag;
  }
});

// node_modules/effect/dist/esm/internal/logSpan.js
var formatLabel, render;
var init_logSpan = __esm({
  "node_modules/effect/dist/esm/internal/logSpan.js"() {
    formatLabel = (key) => key.replace(/[\s="]/g, "_");
    render = (now) => (self) => {
      const label = formatLabel(self.label);
      return `${label}=${now - self.startTime}ms`;
    };
  }
});

// node_modules/effect/dist/esm/internal/metric/label.js
var MetricLabelSymbolKey, MetricLabelTypeId, MetricLabelImpl, make25, isMetricLabel;
var init_label = __esm({
  "node_modules/effect/dist/esm/internal/metric/label.js"() {
    init_Equal();
    init_Hash();
    init_Pipeable();
    init_Predicate();
    MetricLabelSymbolKey = "effect/MetricLabel";
    MetricLabelTypeId = /* @__PURE__ */ Symbol.for(MetricLabelSymbolKey);
    MetricLabelImpl = class {
      key;
      value;
      [MetricLabelTypeId] = MetricLabelTypeId;
      _hash;
      constructor(key, value2) {
        this.key = key;
        this.value = value2;
        this._hash = string(MetricLabelSymbolKey + this.key + this.value);
      }
      [symbol]() {
        return this._hash;
      }
      [symbol2](that) {
        return isMetricLabel(that) && this.key === that.key && this.value === that.value;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make25 = (key, value2) => {
      return new MetricLabelImpl(key, value2);
    };
    isMetricLabel = (u) => hasProperty(u, MetricLabelTypeId);
  }
});

// node_modules/effect/dist/esm/internal/core-effect.js
var asSome, try_, catchSomeCause, diffFiberRefs, diffFiberRefsAndRuntimeFlags, match8, forever, fiberRefs2, ignore, mapErrorCause, memoize, negate, once, orElseSucceed, patchFiberRefs, promise, provideService, provideServiceEffect, sleep3, succeedNone, summarized, tapErrorCause, tryPromise, tryMap, updateFiberRefs, when, serviceFunctions, bigint02, filterDisablePropagation, unsafeMakeSpan, endSpan, useSpan, withParentSpan;
var init_core_effect = __esm({
  "node_modules/effect/dist/esm/internal/core-effect.js"() {
    init_Array();
    init_Chunk();
    init_Clock();
    init_Context();
    init_FiberRefs();
    init_Function();
    init_HashMap();
    init_Option();
    init_Ref();
    init_Utils();
    init_cause2();
    init_clock();
    init_core();
    init_defaultServices();
    init_patch();
    init_runtimeFlags();
    init_tracer();
    asSome = (self) => map11(self, some2);
    try_ = (arg) => {
      let evaluate3;
      let onFailure = void 0;
      if (typeof arg === "function") {
        evaluate3 = arg;
      } else {
        evaluate3 = arg.try;
        onFailure = arg.catch;
      }
      return suspend(() => {
        try {
          return succeed(internalCall(evaluate3));
        } catch (error) {
          return fail2(onFailure ? internalCall(() => onFailure(error)) : new UnknownException(error, "An unknown error occurred in Effect.try"));
        }
      });
    };
    catchSomeCause = /* @__PURE__ */ dual(2, (self, f) => matchCauseEffect(self, {
      onFailure: (cause2) => {
        const option2 = f(cause2);
        switch (option2._tag) {
          case "None": {
            return failCause(cause2);
          }
          case "Some": {
            return option2.value;
          }
        }
      },
      onSuccess: succeed
    }));
    diffFiberRefs = (self) => summarized(self, fiberRefs2, diff5);
    diffFiberRefsAndRuntimeFlags = (self) => summarized(self, zip2(fiberRefs2, runtimeFlags), ([refs, flags], [refsNew, flagsNew]) => [diff5(refs, refsNew), diff4(flags, flagsNew)]);
    match8 = /* @__PURE__ */ dual(2, (self, options3) => matchEffect(self, {
      onFailure: (e) => succeed(options3.onFailure(e)),
      onSuccess: (a) => succeed(options3.onSuccess(a))
    }));
    forever = (self) => {
      const loop2 = flatMap7(flatMap7(self, () => yieldNow()), () => loop2);
      return loop2;
    };
    fiberRefs2 = /* @__PURE__ */ withFiberRuntime((state) => succeed(state.getFiberRefs()));
    ignore = (self) => match8(self, {
      onFailure: constVoid,
      onSuccess: constVoid
    });
    mapErrorCause = /* @__PURE__ */ dual(2, (self, f) => matchCauseEffect(self, {
      onFailure: (c) => failCauseSync(() => f(c)),
      onSuccess: succeed
    }));
    memoize = (self) => pipe(deferredMake(), flatMap7((deferred) => pipe(diffFiberRefsAndRuntimeFlags(self), intoDeferred(deferred), once, map11((complete2) => zipRight(complete2, pipe(deferredAwait(deferred), flatMap7(([patch11, a]) => as(zip2(patchFiberRefs(patch11[0]), updateRuntimeFlags(patch11[1])), a))))))));
    negate = (self) => map11(self, (b) => !b);
    once = (self) => map11(make24(true), (ref) => asVoid(whenEffect(self, getAndSet2(ref, false))));
    orElseSucceed = /* @__PURE__ */ dual(2, (self, evaluate3) => orElse2(self, () => sync(evaluate3)));
    patchFiberRefs = (patch11) => updateFiberRefs((fiberId2, fiberRefs3) => pipe(patch11, patch6(fiberId2, fiberRefs3)));
    promise = (evaluate3) => evaluate3.length >= 1 ? async_((resolve, signal) => {
      try {
        evaluate3(signal).then((a) => resolve(succeed(a)), (e) => resolve(die2(e)));
      } catch (e) {
        resolve(die2(e));
      }
    }) : async_((resolve) => {
      try {
        ;
        evaluate3().then((a) => resolve(succeed(a)), (e) => resolve(die2(e)));
      } catch (e) {
        resolve(die2(e));
      }
    });
    provideService = /* @__PURE__ */ dual(3, (self, tag2, service2) => contextWithEffect((env) => provideContext(self, add4(env, tag2, service2))));
    provideServiceEffect = /* @__PURE__ */ dual(3, (self, tag2, effect3) => contextWithEffect((env) => flatMap7(effect3, (service2) => provideContext(self, pipe(env, add4(tag2, service2))))));
    sleep3 = sleep2;
    succeedNone = /* @__PURE__ */ succeed(/* @__PURE__ */ none2());
    summarized = /* @__PURE__ */ dual(3, (self, summary5, f) => flatMap7(summary5, (start3) => flatMap7(self, (value2) => map11(summary5, (end5) => [f(start3, end5), value2]))));
    tapErrorCause = /* @__PURE__ */ dual(2, (self, f) => matchCauseEffect(self, {
      onFailure: (cause2) => zipRight(f(cause2), failCause(cause2)),
      onSuccess: succeed
    }));
    tryPromise = (arg) => {
      let evaluate3;
      let catcher = void 0;
      if (typeof arg === "function") {
        evaluate3 = arg;
      } else {
        evaluate3 = arg.try;
        catcher = arg.catch;
      }
      const fail13 = (e) => catcher ? failSync(() => catcher(e)) : fail2(new UnknownException(e, "An unknown error occurred in Effect.tryPromise"));
      if (evaluate3.length >= 1) {
        return async_((resolve, signal) => {
          try {
            evaluate3(signal).then((a) => resolve(succeed(a)), (e) => resolve(fail13(e)));
          } catch (e) {
            resolve(fail13(e));
          }
        });
      }
      return async_((resolve) => {
        try {
          evaluate3().then((a) => resolve(succeed(a)), (e) => resolve(fail13(e)));
        } catch (e) {
          resolve(fail13(e));
        }
      });
    };
    tryMap = /* @__PURE__ */ dual(2, (self, options3) => flatMap7(self, (a) => try_({
      try: () => options3.try(a),
      catch: options3.catch
    })));
    updateFiberRefs = (f) => withFiberRuntime((state) => {
      state.setFiberRefs(f(state.id(), state.getFiberRefs()));
      return void_;
    });
    when = /* @__PURE__ */ dual(2, (self, condition) => suspend(() => condition() ? map11(self, some2) : succeed(none2())));
    serviceFunctions = (getService) => new Proxy({}, {
      get(_target, prop, _receiver) {
        return (...args2) => flatMap7(getService, (s) => s[prop](...args2));
      }
    });
    bigint02 = /* @__PURE__ */ BigInt(0);
    filterDisablePropagation = /* @__PURE__ */ flatMap((span2) => get5(span2.context, DisablePropagation) ? span2._tag === "Span" ? filterDisablePropagation(span2.parent) : none2() : some2(span2));
    unsafeMakeSpan = (fiber, name, options3) => {
      const disablePropagation = !fiber.getFiberRef(currentTracerEnabled) || options3.context && get5(options3.context, DisablePropagation);
      const context5 = fiber.getFiberRef(currentContext);
      const parent = options3.parent ? some2(options3.parent) : options3.root ? none2() : filterDisablePropagation(getOption2(context5, spanTag));
      let span2;
      if (disablePropagation) {
        span2 = noopSpan({
          name,
          parent,
          context: add4(options3.context ?? empty8(), DisablePropagation, true)
        });
      } else {
        const services = fiber.getFiberRef(currentServices);
        const tracer2 = get5(services, tracerTag);
        const clock3 = get5(services, Clock);
        const timingEnabled = fiber.getFiberRef(currentTracerTimingEnabled);
        const fiberRefs3 = fiber.getFiberRefs();
        const annotationsFromEnv = get9(fiberRefs3, currentTracerSpanAnnotations);
        const linksFromEnv = get9(fiberRefs3, currentTracerSpanLinks);
        const links = linksFromEnv._tag === "Some" ? options3.links !== void 0 ? [...toReadonlyArray(linksFromEnv.value), ...options3.links ?? []] : toReadonlyArray(linksFromEnv.value) : options3.links ?? empty();
        span2 = tracer2.span(name, parent, options3.context ?? empty8(), links, timingEnabled ? clock3.unsafeCurrentTimeNanos() : bigint02, options3.kind ?? "internal", options3);
        if (annotationsFromEnv._tag === "Some") {
          forEach3(annotationsFromEnv.value, (value2, key) => span2.attribute(key, value2));
        }
        if (options3.attributes !== void 0) {
          Object.entries(options3.attributes).forEach(([k, v]) => span2.attribute(k, v));
        }
      }
      if (typeof options3.captureStackTrace === "function") {
        spanToTrace.set(span2, options3.captureStackTrace);
      }
      return span2;
    };
    endSpan = (span2, exit4, clock3, timingEnabled) => sync(() => {
      if (span2.status._tag === "Ended") {
        return;
      }
      if (exitIsFailure(exit4) && spanToTrace.has(span2)) {
        span2.attribute("code.stacktrace", spanToTrace.get(span2)());
      }
      span2.end(timingEnabled ? clock3.unsafeCurrentTimeNanos() : bigint02, exit4);
    });
    useSpan = (name, ...args2) => {
      const options3 = addSpanStackTrace(args2.length === 1 ? void 0 : args2[0]);
      const evaluate3 = args2[args2.length - 1];
      return withFiberRuntime((fiber) => {
        const span2 = unsafeMakeSpan(fiber, name, options3);
        const timingEnabled = fiber.getFiberRef(currentTracerTimingEnabled);
        const clock3 = get5(fiber.getFiberRef(currentServices), clockTag);
        return onExit(evaluate3(span2), (exit4) => endSpan(span2, exit4, clock3, timingEnabled));
      });
    };
    withParentSpan = /* @__PURE__ */ dual(2, (self, span2) => provideService(self, spanTag, span2));
  }
});

// node_modules/effect/dist/esm/Exit.js
var isFailure, isSuccess, all2, die3, fail3, failCause3, map13, match9, succeed3, void_3, zip3, zipRight2;
var init_Exit = __esm({
  "node_modules/effect/dist/esm/Exit.js"() {
    init_core();
    isFailure = exitIsFailure;
    isSuccess = exitIsSuccess;
    all2 = exitCollectAll;
    die3 = exitDie;
    fail3 = exitFail;
    failCause3 = exitFailCause;
    map13 = exitMap;
    match9 = exitMatch;
    succeed3 = exitSucceed;
    void_3 = exitVoid;
    zip3 = exitZip;
    zipRight2 = exitZipRight;
  }
});

// node_modules/effect/dist/esm/internal/fiberMessage.js
var OP_INTERRUPT_SIGNAL, OP_STATEFUL, OP_RESUME, OP_YIELD_NOW, interruptSignal, stateful, resume, yieldNow3;
var init_fiberMessage = __esm({
  "node_modules/effect/dist/esm/internal/fiberMessage.js"() {
    OP_INTERRUPT_SIGNAL = "InterruptSignal";
    OP_STATEFUL = "Stateful";
    OP_RESUME = "Resume";
    OP_YIELD_NOW = "YieldNow";
    interruptSignal = (cause2) => ({
      _tag: OP_INTERRUPT_SIGNAL,
      cause: cause2
    });
    stateful = (onFiber) => ({
      _tag: OP_STATEFUL,
      onFiber
    });
    resume = (effect3) => ({
      _tag: OP_RESUME,
      effect: effect3
    });
    yieldNow3 = () => ({
      _tag: OP_YIELD_NOW
    });
  }
});

// node_modules/effect/dist/esm/internal/fiberScope.js
var FiberScopeSymbolKey, FiberScopeTypeId, Global, Local, unsafeMake5, globalScope;
var init_fiberScope = __esm({
  "node_modules/effect/dist/esm/internal/fiberScope.js"() {
    init_FiberId();
    init_GlobalValue();
    init_fiberMessage();
    FiberScopeSymbolKey = "effect/FiberScope";
    FiberScopeTypeId = /* @__PURE__ */ Symbol.for(FiberScopeSymbolKey);
    Global = class {
      [FiberScopeTypeId] = FiberScopeTypeId;
      fiberId = none4;
      roots = /* @__PURE__ */ new Set();
      add(_runtimeFlags, child) {
        this.roots.add(child);
        child.addObserver(() => {
          this.roots.delete(child);
        });
      }
    };
    Local = class {
      fiberId;
      parent;
      [FiberScopeTypeId] = FiberScopeTypeId;
      constructor(fiberId2, parent) {
        this.fiberId = fiberId2;
        this.parent = parent;
      }
      add(_runtimeFlags, child) {
        this.parent.tell(stateful((parentFiber) => {
          parentFiber.addChild(child);
          child.addObserver(() => {
            parentFiber.removeChild(child);
          });
        }));
      }
    };
    unsafeMake5 = (fiber) => {
      return new Local(fiber.id(), fiber);
    };
    globalScope = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberScope/Global"), () => new Global());
  }
});

// node_modules/effect/dist/esm/internal/fiber.js
var FiberSymbolKey, FiberTypeId, fiberVariance2, fiberProto, RuntimeFiberSymbolKey, RuntimeFiberTypeId, _await, inheritAll, join2, _never, currentFiberURI;
var init_fiber = __esm({
  "node_modules/effect/dist/esm/internal/fiber.js"() {
    init_FiberId();
    init_Option();
    init_Pipeable();
    init_core();
    init_effectable();
    FiberSymbolKey = "effect/Fiber";
    FiberTypeId = /* @__PURE__ */ Symbol.for(FiberSymbolKey);
    fiberVariance2 = {
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _A: (_) => _
    };
    fiberProto = {
      [FiberTypeId]: fiberVariance2,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    RuntimeFiberSymbolKey = "effect/Fiber";
    RuntimeFiberTypeId = /* @__PURE__ */ Symbol.for(RuntimeFiberSymbolKey);
    _await = (self) => self.await;
    inheritAll = (self) => self.inheritAll;
    join2 = (self) => zipLeft(flatten3(self.await), self.inheritAll);
    _never = {
      ...CommitPrototype,
      commit() {
        return join2(this);
      },
      ...fiberProto,
      id: () => none4,
      await: never,
      children: /* @__PURE__ */ succeed([]),
      inheritAll: never,
      poll: /* @__PURE__ */ succeed(/* @__PURE__ */ none2()),
      interruptAsFork: () => never
    };
    currentFiberURI = "effect/FiberCurrent";
  }
});

// node_modules/effect/dist/esm/internal/logger.js
var LoggerSymbolKey, LoggerTypeId, loggerVariance, makeLogger, none6, textOnly, format3, escapeDoubleQuotes, stringLogger, colors, logLevelColors, hasProcessStdout, processStdoutIsTTY, hasProcessStdoutOrDeno;
var init_logger = __esm({
  "node_modules/effect/dist/esm/internal/logger.js"() {
    init_Array();
    init_Function();
    init_Inspectable();
    init_Pipeable();
    init_cause2();
    init_fiberId();
    init_logSpan();
    LoggerSymbolKey = "effect/Logger";
    LoggerTypeId = /* @__PURE__ */ Symbol.for(LoggerSymbolKey);
    loggerVariance = {
      /* c8 ignore next */
      _Message: (_) => _,
      /* c8 ignore next */
      _Output: (_) => _
    };
    makeLogger = (log2) => ({
      [LoggerTypeId]: loggerVariance,
      log: log2,
      pipe() {
        return pipeArguments(this, arguments);
      }
    });
    none6 = {
      [LoggerTypeId]: loggerVariance,
      log: constVoid,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    textOnly = /^[^\s"=]*$/;
    format3 = (quoteValue, whitespace) => ({
      annotations: annotations2,
      cause: cause2,
      date,
      fiberId: fiberId2,
      logLevel,
      message,
      spans
    }) => {
      const formatValue = (value2) => value2.match(textOnly) ? value2 : quoteValue(value2);
      const format4 = (label, value2) => `${formatLabel(label)}=${formatValue(value2)}`;
      const append5 = (label, value2) => " " + format4(label, value2);
      let out = format4("timestamp", date.toISOString());
      out += append5("level", logLevel.label);
      out += append5("fiber", threadName(fiberId2));
      const messages = ensure(message);
      for (let i = 0; i < messages.length; i++) {
        out += append5("message", toStringUnknown(messages[i], whitespace));
      }
      if (!isEmptyType(cause2)) {
        out += append5("cause", pretty(cause2, {
          renderErrorCause: true
        }));
      }
      for (const span2 of spans) {
        out += " " + render(date.getTime())(span2);
      }
      for (const [label, value2] of annotations2) {
        out += append5(label, toStringUnknown(value2, whitespace));
      }
      return out;
    };
    escapeDoubleQuotes = (s) => `"${s.replace(/\\([\s\S])|(")/g, "\\$1$2")}"`;
    stringLogger = /* @__PURE__ */ makeLogger(/* @__PURE__ */ format3(escapeDoubleQuotes));
    colors = {
      bold: "1",
      red: "31",
      green: "32",
      yellow: "33",
      blue: "34",
      cyan: "36",
      white: "37",
      gray: "90",
      black: "30",
      bgBrightRed: "101"
    };
    logLevelColors = {
      None: [],
      All: [],
      Trace: [colors.gray],
      Debug: [colors.blue],
      Info: [colors.green],
      Warning: [colors.yellow],
      Error: [colors.red],
      Fatal: [colors.bgBrightRed, colors.black]
    };
    hasProcessStdout = typeof process === "object" && process !== null && typeof process.stdout === "object" && process.stdout !== null;
    processStdoutIsTTY = hasProcessStdout && process.stdout.isTTY === true;
    hasProcessStdoutOrDeno = hasProcessStdout || "Deno" in globalThis;
  }
});

// node_modules/effect/dist/esm/internal/metric/boundaries.js
var MetricBoundariesSymbolKey, MetricBoundariesTypeId, MetricBoundariesImpl, isMetricBoundaries, fromIterable7, exponential;
var init_boundaries = __esm({
  "node_modules/effect/dist/esm/internal/metric/boundaries.js"() {
    init_Array();
    init_Chunk();
    init_Equal();
    init_Function();
    init_Hash();
    init_Pipeable();
    init_Predicate();
    MetricBoundariesSymbolKey = "effect/MetricBoundaries";
    MetricBoundariesTypeId = /* @__PURE__ */ Symbol.for(MetricBoundariesSymbolKey);
    MetricBoundariesImpl = class {
      values;
      [MetricBoundariesTypeId] = MetricBoundariesTypeId;
      constructor(values3) {
        this.values = values3;
        this._hash = pipe(string(MetricBoundariesSymbolKey), combine(array2(this.values)));
      }
      _hash;
      [symbol]() {
        return this._hash;
      }
      [symbol2](u) {
        return isMetricBoundaries(u) && equals(this.values, u.values);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    isMetricBoundaries = (u) => hasProperty(u, MetricBoundariesTypeId);
    fromIterable7 = (iterable) => {
      const values3 = pipe(iterable, appendAll(of2(Number.POSITIVE_INFINITY)), dedupe);
      return new MetricBoundariesImpl(values3);
    };
    exponential = (options3) => pipe(makeBy(options3.count - 1, (i) => options3.start * Math.pow(options3.factor, i)), unsafeFromArray, fromIterable7);
  }
});

// node_modules/effect/dist/esm/internal/metric/keyType.js
var MetricKeyTypeSymbolKey, MetricKeyTypeTypeId, CounterKeyTypeSymbolKey, CounterKeyTypeTypeId, FrequencyKeyTypeSymbolKey, FrequencyKeyTypeTypeId, GaugeKeyTypeSymbolKey, GaugeKeyTypeTypeId, HistogramKeyTypeSymbolKey, HistogramKeyTypeTypeId, SummaryKeyTypeSymbolKey, SummaryKeyTypeTypeId, metricKeyTypeVariance, CounterKeyType, FrequencyKeyTypeHash, FrequencyKeyType, GaugeKeyTypeHash, GaugeKeyType, HistogramKeyType, SummaryKeyType, counter, histogram, isCounterKey, isFrequencyKey, isGaugeKey, isHistogramKey, isSummaryKey;
var init_keyType = __esm({
  "node_modules/effect/dist/esm/internal/metric/keyType.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Pipeable();
    init_Predicate();
    MetricKeyTypeSymbolKey = "effect/MetricKeyType";
    MetricKeyTypeTypeId = /* @__PURE__ */ Symbol.for(MetricKeyTypeSymbolKey);
    CounterKeyTypeSymbolKey = "effect/MetricKeyType/Counter";
    CounterKeyTypeTypeId = /* @__PURE__ */ Symbol.for(CounterKeyTypeSymbolKey);
    FrequencyKeyTypeSymbolKey = "effect/MetricKeyType/Frequency";
    FrequencyKeyTypeTypeId = /* @__PURE__ */ Symbol.for(FrequencyKeyTypeSymbolKey);
    GaugeKeyTypeSymbolKey = "effect/MetricKeyType/Gauge";
    GaugeKeyTypeTypeId = /* @__PURE__ */ Symbol.for(GaugeKeyTypeSymbolKey);
    HistogramKeyTypeSymbolKey = "effect/MetricKeyType/Histogram";
    HistogramKeyTypeTypeId = /* @__PURE__ */ Symbol.for(HistogramKeyTypeSymbolKey);
    SummaryKeyTypeSymbolKey = "effect/MetricKeyType/Summary";
    SummaryKeyTypeTypeId = /* @__PURE__ */ Symbol.for(SummaryKeyTypeSymbolKey);
    metricKeyTypeVariance = {
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _Out: (_) => _
    };
    CounterKeyType = class {
      incremental;
      bigint;
      [MetricKeyTypeTypeId] = metricKeyTypeVariance;
      [CounterKeyTypeTypeId] = CounterKeyTypeTypeId;
      constructor(incremental, bigint) {
        this.incremental = incremental;
        this.bigint = bigint;
        this._hash = string(CounterKeyTypeSymbolKey);
      }
      _hash;
      [symbol]() {
        return this._hash;
      }
      [symbol2](that) {
        return isCounterKey(that);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    FrequencyKeyTypeHash = /* @__PURE__ */ string(FrequencyKeyTypeSymbolKey);
    FrequencyKeyType = class {
      preregisteredWords;
      [MetricKeyTypeTypeId] = metricKeyTypeVariance;
      [FrequencyKeyTypeTypeId] = FrequencyKeyTypeTypeId;
      constructor(preregisteredWords) {
        this.preregisteredWords = preregisteredWords;
      }
      [symbol]() {
        return FrequencyKeyTypeHash;
      }
      [symbol2](that) {
        return isFrequencyKey(that);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    GaugeKeyTypeHash = /* @__PURE__ */ string(GaugeKeyTypeSymbolKey);
    GaugeKeyType = class {
      bigint;
      [MetricKeyTypeTypeId] = metricKeyTypeVariance;
      [GaugeKeyTypeTypeId] = GaugeKeyTypeTypeId;
      constructor(bigint) {
        this.bigint = bigint;
      }
      [symbol]() {
        return GaugeKeyTypeHash;
      }
      [symbol2](that) {
        return isGaugeKey(that);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    HistogramKeyType = class {
      boundaries;
      [MetricKeyTypeTypeId] = metricKeyTypeVariance;
      [HistogramKeyTypeTypeId] = HistogramKeyTypeTypeId;
      constructor(boundaries) {
        this.boundaries = boundaries;
        this._hash = pipe(string(HistogramKeyTypeSymbolKey), combine(hash(this.boundaries)));
      }
      _hash;
      [symbol]() {
        return this._hash;
      }
      [symbol2](that) {
        return isHistogramKey(that) && equals(this.boundaries, that.boundaries);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    SummaryKeyType = class {
      maxAge;
      maxSize;
      error;
      quantiles;
      [MetricKeyTypeTypeId] = metricKeyTypeVariance;
      [SummaryKeyTypeTypeId] = SummaryKeyTypeTypeId;
      constructor(maxAge, maxSize, error, quantiles) {
        this.maxAge = maxAge;
        this.maxSize = maxSize;
        this.error = error;
        this.quantiles = quantiles;
        this._hash = pipe(string(SummaryKeyTypeSymbolKey), combine(hash(this.maxAge)), combine(hash(this.maxSize)), combine(hash(this.error)), combine(array2(this.quantiles)));
      }
      _hash;
      [symbol]() {
        return this._hash;
      }
      [symbol2](that) {
        return isSummaryKey(that) && equals(this.maxAge, that.maxAge) && this.maxSize === that.maxSize && this.error === that.error && equals(this.quantiles, that.quantiles);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    counter = (options3) => new CounterKeyType(options3?.incremental ?? false, options3?.bigint ?? false);
    histogram = (boundaries) => {
      return new HistogramKeyType(boundaries);
    };
    isCounterKey = (u) => hasProperty(u, CounterKeyTypeTypeId);
    isFrequencyKey = (u) => hasProperty(u, FrequencyKeyTypeTypeId);
    isGaugeKey = (u) => hasProperty(u, GaugeKeyTypeTypeId);
    isHistogramKey = (u) => hasProperty(u, HistogramKeyTypeTypeId);
    isSummaryKey = (u) => hasProperty(u, SummaryKeyTypeTypeId);
  }
});

// node_modules/effect/dist/esm/internal/metric/key.js
var MetricKeySymbolKey, MetricKeyTypeId, metricKeyVariance, arrayEquivilence, MetricKeyImpl, isMetricKey, counter2, histogram2, taggedWithLabels;
var init_key = __esm({
  "node_modules/effect/dist/esm/internal/metric/key.js"() {
    init_Array();
    init_Equal();
    init_Function();
    init_Hash();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_keyType();
    MetricKeySymbolKey = "effect/MetricKey";
    MetricKeyTypeId = /* @__PURE__ */ Symbol.for(MetricKeySymbolKey);
    metricKeyVariance = {
      /* c8 ignore next */
      _Type: (_) => _
    };
    arrayEquivilence = /* @__PURE__ */ getEquivalence(equals);
    MetricKeyImpl = class {
      name;
      keyType;
      description;
      tags;
      [MetricKeyTypeId] = metricKeyVariance;
      constructor(name, keyType, description, tags = []) {
        this.name = name;
        this.keyType = keyType;
        this.description = description;
        this.tags = tags;
        this._hash = pipe(string(this.name + this.description), combine(hash(this.keyType)), combine(array2(this.tags)));
      }
      _hash;
      [symbol]() {
        return this._hash;
      }
      [symbol2](u) {
        return isMetricKey(u) && this.name === u.name && equals(this.keyType, u.keyType) && equals(this.description, u.description) && arrayEquivilence(this.tags, u.tags);
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    isMetricKey = (u) => hasProperty(u, MetricKeyTypeId);
    counter2 = (name, options3) => new MetricKeyImpl(name, counter(options3), fromNullable(options3?.description));
    histogram2 = (name, boundaries, description) => new MetricKeyImpl(name, histogram(boundaries), fromNullable(description));
    taggedWithLabels = /* @__PURE__ */ dual(2, (self, extraTags) => extraTags.length === 0 ? self : new MetricKeyImpl(self.name, self.keyType, self.description, union(self.tags, extraTags)));
  }
});

// node_modules/effect/dist/esm/MutableHashMap.js
var TypeId11, MutableHashMapProto, MutableHashMapIterator, BucketIterator, empty19, get12, getFromBucket, has4, set5, removeFromBucket;
var init_MutableHashMap = __esm({
  "node_modules/effect/dist/esm/MutableHashMap.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    TypeId11 = /* @__PURE__ */ Symbol.for("effect/MutableHashMap");
    MutableHashMapProto = {
      [TypeId11]: TypeId11,
      [Symbol.iterator]() {
        return new MutableHashMapIterator(this);
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "MutableHashMap",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    MutableHashMapIterator = class _MutableHashMapIterator {
      self;
      referentialIterator;
      bucketIterator;
      constructor(self) {
        this.self = self;
        this.referentialIterator = self.referential[Symbol.iterator]();
      }
      next() {
        if (this.bucketIterator !== void 0) {
          return this.bucketIterator.next();
        }
        const result = this.referentialIterator.next();
        if (result.done) {
          this.bucketIterator = new BucketIterator(this.self.buckets.values());
          return this.next();
        }
        return result;
      }
      [Symbol.iterator]() {
        return new _MutableHashMapIterator(this.self);
      }
    };
    BucketIterator = class {
      backing;
      constructor(backing) {
        this.backing = backing;
      }
      currentBucket;
      next() {
        if (this.currentBucket === void 0) {
          const result2 = this.backing.next();
          if (result2.done) {
            return result2;
          }
          this.currentBucket = result2.value[Symbol.iterator]();
        }
        const result = this.currentBucket.next();
        if (result.done) {
          this.currentBucket = void 0;
          return this.next();
        }
        return result;
      }
    };
    empty19 = () => {
      const self = Object.create(MutableHashMapProto);
      self.referential = /* @__PURE__ */ new Map();
      self.buckets = /* @__PURE__ */ new Map();
      self.bucketsSize = 0;
      return self;
    };
    get12 = /* @__PURE__ */ dual(2, (self, key) => {
      if (isEqual(key) === false) {
        return self.referential.has(key) ? some2(self.referential.get(key)) : none2();
      }
      const hash2 = key[symbol]();
      const bucket = self.buckets.get(hash2);
      if (bucket === void 0) {
        return none2();
      }
      return getFromBucket(self, bucket, key);
    });
    getFromBucket = (self, bucket, key, remove9 = false) => {
      for (let i = 0, len = bucket.length; i < len; i++) {
        if (key[symbol2](bucket[i][0])) {
          const value2 = bucket[i][1];
          if (remove9) {
            bucket.splice(i, 1);
            self.bucketsSize--;
          }
          return some2(value2);
        }
      }
      return none2();
    };
    has4 = /* @__PURE__ */ dual(2, (self, key) => isSome2(get12(self, key)));
    set5 = /* @__PURE__ */ dual(3, (self, key, value2) => {
      if (isEqual(key) === false) {
        self.referential.set(key, value2);
        return self;
      }
      const hash2 = key[symbol]();
      const bucket = self.buckets.get(hash2);
      if (bucket === void 0) {
        self.buckets.set(hash2, [[key, value2]]);
        self.bucketsSize++;
        return self;
      }
      removeFromBucket(self, bucket, key);
      bucket.push([key, value2]);
      self.bucketsSize++;
      return self;
    });
    removeFromBucket = (self, bucket, key) => {
      for (let i = 0, len = bucket.length; i < len; i++) {
        if (key[symbol2](bucket[i][0])) {
          bucket.splice(i, 1);
          self.bucketsSize--;
          return;
        }
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/metric/state.js
var MetricStateSymbolKey, MetricStateTypeId, CounterStateSymbolKey, CounterStateTypeId, FrequencyStateSymbolKey, FrequencyStateTypeId, GaugeStateSymbolKey, GaugeStateTypeId, HistogramStateSymbolKey, HistogramStateTypeId, SummaryStateSymbolKey, SummaryStateTypeId, metricStateVariance, CounterState, arrayEquals, FrequencyState, GaugeState, HistogramState, SummaryState, counter3, frequency2, gauge2, histogram3, summary2, isCounterState, isFrequencyState, isGaugeState, isHistogramState, isSummaryState;
var init_state = __esm({
  "node_modules/effect/dist/esm/internal/metric/state.js"() {
    init_Array();
    init_Equal();
    init_Function();
    init_Hash();
    init_Pipeable();
    init_Predicate();
    MetricStateSymbolKey = "effect/MetricState";
    MetricStateTypeId = /* @__PURE__ */ Symbol.for(MetricStateSymbolKey);
    CounterStateSymbolKey = "effect/MetricState/Counter";
    CounterStateTypeId = /* @__PURE__ */ Symbol.for(CounterStateSymbolKey);
    FrequencyStateSymbolKey = "effect/MetricState/Frequency";
    FrequencyStateTypeId = /* @__PURE__ */ Symbol.for(FrequencyStateSymbolKey);
    GaugeStateSymbolKey = "effect/MetricState/Gauge";
    GaugeStateTypeId = /* @__PURE__ */ Symbol.for(GaugeStateSymbolKey);
    HistogramStateSymbolKey = "effect/MetricState/Histogram";
    HistogramStateTypeId = /* @__PURE__ */ Symbol.for(HistogramStateSymbolKey);
    SummaryStateSymbolKey = "effect/MetricState/Summary";
    SummaryStateTypeId = /* @__PURE__ */ Symbol.for(SummaryStateSymbolKey);
    metricStateVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    CounterState = class {
      count;
      [MetricStateTypeId] = metricStateVariance;
      [CounterStateTypeId] = CounterStateTypeId;
      constructor(count2) {
        this.count = count2;
      }
      [symbol]() {
        return pipe(hash(CounterStateSymbolKey), combine(hash(this.count)), cached(this));
      }
      [symbol2](that) {
        return isCounterState(that) && this.count === that.count;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    arrayEquals = /* @__PURE__ */ getEquivalence(equals);
    FrequencyState = class {
      occurrences;
      [MetricStateTypeId] = metricStateVariance;
      [FrequencyStateTypeId] = FrequencyStateTypeId;
      constructor(occurrences) {
        this.occurrences = occurrences;
      }
      _hash;
      [symbol]() {
        return pipe(string(FrequencyStateSymbolKey), combine(array2(fromIterable(this.occurrences.entries()))), cached(this));
      }
      [symbol2](that) {
        return isFrequencyState(that) && arrayEquals(fromIterable(this.occurrences.entries()), fromIterable(that.occurrences.entries()));
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    GaugeState = class {
      value;
      [MetricStateTypeId] = metricStateVariance;
      [GaugeStateTypeId] = GaugeStateTypeId;
      constructor(value2) {
        this.value = value2;
      }
      [symbol]() {
        return pipe(hash(GaugeStateSymbolKey), combine(hash(this.value)), cached(this));
      }
      [symbol2](u) {
        return isGaugeState(u) && this.value === u.value;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    HistogramState = class {
      buckets;
      count;
      min;
      max;
      sum;
      [MetricStateTypeId] = metricStateVariance;
      [HistogramStateTypeId] = HistogramStateTypeId;
      constructor(buckets, count2, min3, max5, sum3) {
        this.buckets = buckets;
        this.count = count2;
        this.min = min3;
        this.max = max5;
        this.sum = sum3;
      }
      [symbol]() {
        return pipe(hash(HistogramStateSymbolKey), combine(hash(this.buckets)), combine(hash(this.count)), combine(hash(this.min)), combine(hash(this.max)), combine(hash(this.sum)), cached(this));
      }
      [symbol2](that) {
        return isHistogramState(that) && equals(this.buckets, that.buckets) && this.count === that.count && this.min === that.min && this.max === that.max && this.sum === that.sum;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    SummaryState = class {
      error;
      quantiles;
      count;
      min;
      max;
      sum;
      [MetricStateTypeId] = metricStateVariance;
      [SummaryStateTypeId] = SummaryStateTypeId;
      constructor(error, quantiles, count2, min3, max5, sum3) {
        this.error = error;
        this.quantiles = quantiles;
        this.count = count2;
        this.min = min3;
        this.max = max5;
        this.sum = sum3;
      }
      [symbol]() {
        return pipe(hash(SummaryStateSymbolKey), combine(hash(this.error)), combine(hash(this.quantiles)), combine(hash(this.count)), combine(hash(this.min)), combine(hash(this.max)), combine(hash(this.sum)), cached(this));
      }
      [symbol2](that) {
        return isSummaryState(that) && this.error === that.error && equals(this.quantiles, that.quantiles) && this.count === that.count && this.min === that.min && this.max === that.max && this.sum === that.sum;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    counter3 = (count2) => new CounterState(count2);
    frequency2 = (occurrences) => {
      return new FrequencyState(occurrences);
    };
    gauge2 = (count2) => new GaugeState(count2);
    histogram3 = (options3) => new HistogramState(options3.buckets, options3.count, options3.min, options3.max, options3.sum);
    summary2 = (options3) => new SummaryState(options3.error, options3.quantiles, options3.count, options3.min, options3.max, options3.sum);
    isCounterState = (u) => hasProperty(u, CounterStateTypeId);
    isFrequencyState = (u) => hasProperty(u, FrequencyStateTypeId);
    isGaugeState = (u) => hasProperty(u, GaugeStateTypeId);
    isHistogramState = (u) => hasProperty(u, HistogramStateTypeId);
    isSummaryState = (u) => hasProperty(u, SummaryStateTypeId);
  }
});

// node_modules/effect/dist/esm/internal/metric/hook.js
var MetricHookSymbolKey, MetricHookTypeId, metricHookVariance, make26, bigint03, counter4, frequency3, gauge3, histogram4, summary3, calculateQuantiles, resolveQuantile;
var init_hook = __esm({
  "node_modules/effect/dist/esm/internal/metric/hook.js"() {
    init_Array();
    init_Duration();
    init_Function();
    init_Number();
    init_Option();
    init_Pipeable();
    init_state();
    MetricHookSymbolKey = "effect/MetricHook";
    MetricHookTypeId = /* @__PURE__ */ Symbol.for(MetricHookSymbolKey);
    metricHookVariance = {
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _Out: (_) => _
    };
    make26 = (options3) => ({
      [MetricHookTypeId]: metricHookVariance,
      pipe() {
        return pipeArguments(this, arguments);
      },
      ...options3
    });
    bigint03 = /* @__PURE__ */ BigInt(0);
    counter4 = (key) => {
      let sum3 = key.keyType.bigint ? bigint03 : 0;
      const canUpdate = key.keyType.incremental ? key.keyType.bigint ? (value2) => value2 >= bigint03 : (value2) => value2 >= 0 : (_value) => true;
      const update5 = (value2) => {
        if (canUpdate(value2)) {
          sum3 = sum3 + value2;
        }
      };
      return make26({
        get: () => counter3(sum3),
        update: update5,
        modify: update5
      });
    };
    frequency3 = (key) => {
      const values3 = /* @__PURE__ */ new Map();
      for (const word of key.keyType.preregisteredWords) {
        values3.set(word, 0);
      }
      const update5 = (word) => {
        const slotCount = values3.get(word) ?? 0;
        values3.set(word, slotCount + 1);
      };
      return make26({
        get: () => frequency2(values3),
        update: update5,
        modify: update5
      });
    };
    gauge3 = (_key, startAt) => {
      let value2 = startAt;
      return make26({
        get: () => gauge2(value2),
        update: (v) => {
          value2 = v;
        },
        modify: (v) => {
          value2 = value2 + v;
        }
      });
    };
    histogram4 = (key) => {
      const bounds = key.keyType.boundaries.values;
      const size11 = bounds.length;
      const values3 = new Uint32Array(size11 + 1);
      const boundaries = new Float64Array(size11);
      let count2 = 0;
      let sum3 = 0;
      let min3 = Number.MAX_VALUE;
      let max5 = Number.MIN_VALUE;
      pipe(bounds, sort(Order), map4((n2, i) => {
        boundaries[i] = n2;
      }));
      const update5 = (value2) => {
        let from = 0;
        let to = size11;
        while (from !== to) {
          const mid = Math.floor(from + (to - from) / 2);
          const boundary = boundaries[mid];
          if (value2 <= boundary) {
            to = mid;
          } else {
            from = mid;
          }
          if (to === from + 1) {
            if (value2 <= boundaries[from]) {
              to = from;
            } else {
              from = to;
            }
          }
        }
        values3[from] = values3[from] + 1;
        count2 = count2 + 1;
        sum3 = sum3 + value2;
        if (value2 < min3) {
          min3 = value2;
        }
        if (value2 > max5) {
          max5 = value2;
        }
      };
      const getBuckets = () => {
        const builder = allocate(size11);
        let cumulated = 0;
        for (let i = 0; i < size11; i++) {
          const boundary = boundaries[i];
          const value2 = values3[i];
          cumulated = cumulated + value2;
          builder[i] = [boundary, cumulated];
        }
        return builder;
      };
      return make26({
        get: () => histogram3({
          buckets: getBuckets(),
          count: count2,
          min: min3,
          max: max5,
          sum: sum3
        }),
        update: update5,
        modify: update5
      });
    };
    summary3 = (key) => {
      const {
        error,
        maxAge,
        maxSize,
        quantiles
      } = key.keyType;
      const sortedQuantiles = pipe(quantiles, sort(Order));
      const values3 = allocate(maxSize);
      let head7 = 0;
      let count2 = 0;
      let sum3 = 0;
      let min3 = 0;
      let max5 = 0;
      const snapshot = (now) => {
        const builder = [];
        let i = 0;
        while (i !== maxSize - 1) {
          const item = values3[i];
          if (item != null) {
            const [t, v] = item;
            const age = millis(now - t);
            if (greaterThanOrEqualTo(age, zero) && lessThanOrEqualTo(age, maxAge)) {
              builder.push(v);
            }
          }
          i = i + 1;
        }
        return calculateQuantiles(error, sortedQuantiles, sort(builder, Order));
      };
      const observe = (value2, timestamp) => {
        if (maxSize > 0) {
          head7 = head7 + 1;
          const target = head7 % maxSize;
          values3[target] = [timestamp, value2];
        }
        min3 = count2 === 0 ? value2 : Math.min(min3, value2);
        max5 = count2 === 0 ? value2 : Math.max(max5, value2);
        count2 = count2 + 1;
        sum3 = sum3 + value2;
      };
      return make26({
        get: () => summary2({
          error,
          quantiles: snapshot(Date.now()),
          count: count2,
          min: min3,
          max: max5,
          sum: sum3
        }),
        update: ([value2, timestamp]) => observe(value2, timestamp),
        modify: ([value2, timestamp]) => observe(value2, timestamp)
      });
    };
    calculateQuantiles = (error, sortedQuantiles, sortedSamples) => {
      const sampleCount = sortedSamples.length;
      if (!isNonEmptyReadonlyArray(sortedQuantiles)) {
        return empty();
      }
      const head7 = sortedQuantiles[0];
      const tail = sortedQuantiles.slice(1);
      const resolvedHead = resolveQuantile(error, sampleCount, none2(), 0, head7, sortedSamples);
      const resolved = of(resolvedHead);
      tail.forEach((quantile) => {
        resolved.push(resolveQuantile(error, sampleCount, resolvedHead.value, resolvedHead.consumed, quantile, resolvedHead.rest));
      });
      return map4(resolved, (rq) => [rq.quantile, rq.value]);
    };
    resolveQuantile = (error, sampleCount, current, consumed, quantile, rest) => {
      let error_1 = error;
      let sampleCount_1 = sampleCount;
      let current_1 = current;
      let consumed_1 = consumed;
      let quantile_1 = quantile;
      let rest_1 = rest;
      let error_2 = error;
      let sampleCount_2 = sampleCount;
      let current_2 = current;
      let consumed_2 = consumed;
      let quantile_2 = quantile;
      let rest_2 = rest;
      while (1) {
        if (!isNonEmptyReadonlyArray(rest_1)) {
          return {
            quantile: quantile_1,
            value: none2(),
            consumed: consumed_1,
            rest: []
          };
        }
        if (quantile_1 === 1) {
          return {
            quantile: quantile_1,
            value: some2(lastNonEmpty(rest_1)),
            consumed: consumed_1 + rest_1.length,
            rest: []
          };
        }
        const headValue = headNonEmpty(rest_1);
        const sameHead = span(rest_1, (n2) => n2 === headValue);
        const desired = quantile_1 * sampleCount_1;
        const allowedError = error_1 / 2 * desired;
        const candConsumed = consumed_1 + sameHead[0].length;
        const candError = Math.abs(candConsumed - desired);
        if (candConsumed < desired - allowedError) {
          error_2 = error_1;
          sampleCount_2 = sampleCount_1;
          current_2 = head(rest_1);
          consumed_2 = candConsumed;
          quantile_2 = quantile_1;
          rest_2 = sameHead[1];
          error_1 = error_2;
          sampleCount_1 = sampleCount_2;
          current_1 = current_2;
          consumed_1 = consumed_2;
          quantile_1 = quantile_2;
          rest_1 = rest_2;
          continue;
        }
        if (candConsumed > desired + allowedError) {
          const valueToReturn = isNone2(current_1) ? some2(headValue) : current_1;
          return {
            quantile: quantile_1,
            value: valueToReturn,
            consumed: consumed_1,
            rest: rest_1
          };
        }
        switch (current_1._tag) {
          case "None": {
            error_2 = error_1;
            sampleCount_2 = sampleCount_1;
            current_2 = head(rest_1);
            consumed_2 = candConsumed;
            quantile_2 = quantile_1;
            rest_2 = sameHead[1];
            error_1 = error_2;
            sampleCount_1 = sampleCount_2;
            current_1 = current_2;
            consumed_1 = consumed_2;
            quantile_1 = quantile_2;
            rest_1 = rest_2;
            continue;
          }
          case "Some": {
            const prevError = Math.abs(desired - current_1.value);
            if (candError < prevError) {
              error_2 = error_1;
              sampleCount_2 = sampleCount_1;
              current_2 = head(rest_1);
              consumed_2 = candConsumed;
              quantile_2 = quantile_1;
              rest_2 = sameHead[1];
              error_1 = error_2;
              sampleCount_1 = sampleCount_2;
              current_1 = current_2;
              consumed_1 = consumed_2;
              quantile_1 = quantile_2;
              rest_1 = rest_2;
              continue;
            }
            return {
              quantile: quantile_1,
              value: some2(current_1.value),
              consumed: consumed_1,
              rest: rest_1
            };
          }
        }
      }
      throw new Error("BUG: MetricHook.resolveQuantiles - please report an issue at https://github.com/Effect-TS/effect/issues");
    };
  }
});

// node_modules/effect/dist/esm/internal/metric/pair.js
var MetricPairSymbolKey, MetricPairTypeId, metricPairVariance, unsafeMake6;
var init_pair = __esm({
  "node_modules/effect/dist/esm/internal/metric/pair.js"() {
    init_Pipeable();
    MetricPairSymbolKey = "effect/MetricPair";
    MetricPairTypeId = /* @__PURE__ */ Symbol.for(MetricPairSymbolKey);
    metricPairVariance = {
      /* c8 ignore next */
      _Type: (_) => _
    };
    unsafeMake6 = (metricKey, metricState) => {
      return {
        [MetricPairTypeId]: metricPairVariance,
        metricKey,
        metricState,
        pipe() {
          return pipeArguments(this, arguments);
        }
      };
    };
  }
});

// node_modules/effect/dist/esm/internal/metric/registry.js
var MetricRegistrySymbolKey, MetricRegistryTypeId, MetricRegistryImpl, make27;
var init_registry = __esm({
  "node_modules/effect/dist/esm/internal/metric/registry.js"() {
    init_Function();
    init_MutableHashMap();
    init_Option();
    init_hook();
    init_keyType();
    init_pair();
    MetricRegistrySymbolKey = "effect/MetricRegistry";
    MetricRegistryTypeId = /* @__PURE__ */ Symbol.for(MetricRegistrySymbolKey);
    MetricRegistryImpl = class {
      [MetricRegistryTypeId] = MetricRegistryTypeId;
      map = /* @__PURE__ */ empty19();
      snapshot() {
        const result = [];
        for (const [key, hook] of this.map) {
          result.push(unsafeMake6(key, hook.get()));
        }
        return result;
      }
      get(key) {
        const hook = pipe(this.map, get12(key), getOrUndefined);
        if (hook == null) {
          if (isCounterKey(key.keyType)) {
            return this.getCounter(key);
          }
          if (isGaugeKey(key.keyType)) {
            return this.getGauge(key);
          }
          if (isFrequencyKey(key.keyType)) {
            return this.getFrequency(key);
          }
          if (isHistogramKey(key.keyType)) {
            return this.getHistogram(key);
          }
          if (isSummaryKey(key.keyType)) {
            return this.getSummary(key);
          }
          throw new Error("BUG: MetricRegistry.get - unknown MetricKeyType - please report an issue at https://github.com/Effect-TS/effect/issues");
        } else {
          return hook;
        }
      }
      getCounter(key) {
        let value2 = pipe(this.map, get12(key), getOrUndefined);
        if (value2 == null) {
          const counter6 = counter4(key);
          if (!pipe(this.map, has4(key))) {
            pipe(this.map, set5(key, counter6));
          }
          value2 = counter6;
        }
        return value2;
      }
      getFrequency(key) {
        let value2 = pipe(this.map, get12(key), getOrUndefined);
        if (value2 == null) {
          const frequency5 = frequency3(key);
          if (!pipe(this.map, has4(key))) {
            pipe(this.map, set5(key, frequency5));
          }
          value2 = frequency5;
        }
        return value2;
      }
      getGauge(key) {
        let value2 = pipe(this.map, get12(key), getOrUndefined);
        if (value2 == null) {
          const gauge5 = gauge3(key, key.keyType.bigint ? BigInt(0) : 0);
          if (!pipe(this.map, has4(key))) {
            pipe(this.map, set5(key, gauge5));
          }
          value2 = gauge5;
        }
        return value2;
      }
      getHistogram(key) {
        let value2 = pipe(this.map, get12(key), getOrUndefined);
        if (value2 == null) {
          const histogram6 = histogram4(key);
          if (!pipe(this.map, has4(key))) {
            pipe(this.map, set5(key, histogram6));
          }
          value2 = histogram6;
        }
        return value2;
      }
      getSummary(key) {
        let value2 = pipe(this.map, get12(key), getOrUndefined);
        if (value2 == null) {
          const summary5 = summary3(key);
          if (!pipe(this.map, has4(key))) {
            pipe(this.map, set5(key, summary5));
          }
          value2 = summary5;
        }
        return value2;
      }
    };
    make27 = () => {
      return new MetricRegistryImpl();
    };
  }
});

// node_modules/effect/dist/esm/internal/metric.js
var MetricSymbolKey, MetricTypeId, metricVariance, globalMetricRegistry, make28, counter5, fromMetricKey, histogram5, tagged, taggedWithLabels2, update4;
var init_metric = __esm({
  "node_modules/effect/dist/esm/internal/metric.js"() {
    init_Array();
    init_Function();
    init_GlobalValue();
    init_Pipeable();
    init_core();
    init_key();
    init_label();
    init_registry();
    MetricSymbolKey = "effect/Metric";
    MetricTypeId = /* @__PURE__ */ Symbol.for(MetricSymbolKey);
    metricVariance = {
      /* c8 ignore next */
      _Type: (_) => _,
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _Out: (_) => _
    };
    globalMetricRegistry = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Metric/globalMetricRegistry"), () => make27());
    make28 = function(keyType, unsafeUpdate, unsafeValue, unsafeModify) {
      const metric = Object.assign((effect3) => tap(effect3, (a) => update4(metric, a)), {
        [MetricTypeId]: metricVariance,
        keyType,
        unsafeUpdate,
        unsafeValue,
        unsafeModify,
        register() {
          this.unsafeValue([]);
          return this;
        },
        pipe() {
          return pipeArguments(this, arguments);
        }
      });
      return metric;
    };
    counter5 = (name, options3) => fromMetricKey(counter2(name, options3));
    fromMetricKey = (key) => {
      let untaggedHook;
      const hookCache = /* @__PURE__ */ new WeakMap();
      const hook = (extraTags) => {
        if (extraTags.length === 0) {
          if (untaggedHook !== void 0) {
            return untaggedHook;
          }
          untaggedHook = globalMetricRegistry.get(key);
          return untaggedHook;
        }
        let hook2 = hookCache.get(extraTags);
        if (hook2 !== void 0) {
          return hook2;
        }
        hook2 = globalMetricRegistry.get(taggedWithLabels(key, extraTags));
        hookCache.set(extraTags, hook2);
        return hook2;
      };
      return make28(key.keyType, (input, extraTags) => hook(extraTags).update(input), (extraTags) => hook(extraTags).get(), (input, extraTags) => hook(extraTags).modify(input));
    };
    histogram5 = (name, boundaries, description) => fromMetricKey(histogram2(name, boundaries, description));
    tagged = /* @__PURE__ */ dual(3, (self, key, value2) => taggedWithLabels2(self, [make25(key, value2)]));
    taggedWithLabels2 = /* @__PURE__ */ dual(2, (self, extraTags) => {
      return make28(self.keyType, (input, extraTags1) => self.unsafeUpdate(input, union(extraTags, extraTags1)), (extraTags1) => self.unsafeValue(union(extraTags, extraTags1)), (input, extraTags1) => self.unsafeModify(input, union(extraTags, extraTags1)));
    });
    update4 = /* @__PURE__ */ dual(2, (self, input) => fiberRefGetWith(currentMetricLabels, (tags) => sync(() => self.unsafeUpdate(input, tags))));
  }
});

// node_modules/effect/dist/esm/internal/request.js
var RequestSymbolKey, RequestTypeId, requestVariance, RequestPrototype, complete;
var init_request = __esm({
  "node_modules/effect/dist/esm/internal/request.js"() {
    init_Function();
    init_completedRequestMap();
    init_core();
    init_effectable();
    RequestSymbolKey = "effect/Request";
    RequestTypeId = /* @__PURE__ */ Symbol.for(RequestSymbolKey);
    requestVariance = {
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _A: (_) => _
    };
    RequestPrototype = {
      ...StructuralPrototype,
      [RequestTypeId]: requestVariance
    };
    complete = /* @__PURE__ */ dual(2, (self, result) => fiberRefGetWith(currentRequestMap, (map22) => sync(() => {
      if (map22.has(self)) {
        const entry = map22.get(self);
        if (!entry.state.completed) {
          entry.state.completed = true;
          deferredUnsafeDone(entry.result, result);
        }
      }
    })));
  }
});

// node_modules/effect/dist/esm/internal/redBlackTree/iterator.js
var Direction, RedBlackTreeIterator;
var init_iterator = __esm({
  "node_modules/effect/dist/esm/internal/redBlackTree/iterator.js"() {
    init_Array();
    init_Option();
    Direction = {
      Forward: 0,
      Backward: 1 << 0
    };
    RedBlackTreeIterator = class _RedBlackTreeIterator {
      self;
      stack;
      direction;
      count = 0;
      constructor(self, stack, direction) {
        this.self = self;
        this.stack = stack;
        this.direction = direction;
      }
      /**
       * Clones the iterator
       */
      clone() {
        return new _RedBlackTreeIterator(this.self, this.stack.slice(), this.direction);
      }
      /**
       * Reverse the traversal direction
       */
      reversed() {
        return new _RedBlackTreeIterator(this.self, this.stack.slice(), this.direction === Direction.Forward ? Direction.Backward : Direction.Forward);
      }
      /**
       * Iterator next
       */
      next() {
        const entry = this.entry;
        this.count++;
        if (this.direction === Direction.Forward) {
          this.moveNext();
        } else {
          this.movePrev();
        }
        switch (entry._tag) {
          case "None": {
            return {
              done: true,
              value: this.count
            };
          }
          case "Some": {
            return {
              done: false,
              value: entry.value
            };
          }
        }
      }
      /**
       * Returns the key
       */
      get key() {
        if (this.stack.length > 0) {
          return some2(this.stack[this.stack.length - 1].key);
        }
        return none2();
      }
      /**
       * Returns the value
       */
      get value() {
        if (this.stack.length > 0) {
          return some2(this.stack[this.stack.length - 1].value);
        }
        return none2();
      }
      /**
       * Returns the key
       */
      get entry() {
        return map2(last(this.stack), (node) => [node.key, node.value]);
      }
      /**
       * Returns the position of this iterator in the sorted list
       */
      get index() {
        let idx = 0;
        const stack = this.stack;
        if (stack.length === 0) {
          const r = this.self._root;
          if (r != null) {
            return r.count;
          }
          return 0;
        } else if (stack[stack.length - 1].left != null) {
          idx = stack[stack.length - 1].left.count;
        }
        for (let s = stack.length - 2; s >= 0; --s) {
          if (stack[s + 1] === stack[s].right) {
            ++idx;
            if (stack[s].left != null) {
              idx += stack[s].left.count;
            }
          }
        }
        return idx;
      }
      /**
       * Advances iterator to next element in list
       */
      moveNext() {
        const stack = this.stack;
        if (stack.length === 0) {
          return;
        }
        let n2 = stack[stack.length - 1];
        if (n2.right != null) {
          n2 = n2.right;
          while (n2 != null) {
            stack.push(n2);
            n2 = n2.left;
          }
        } else {
          stack.pop();
          while (stack.length > 0 && stack[stack.length - 1].right === n2) {
            n2 = stack[stack.length - 1];
            stack.pop();
          }
        }
      }
      /**
       * Checks if there is a next element
       */
      get hasNext() {
        const stack = this.stack;
        if (stack.length === 0) {
          return false;
        }
        if (stack[stack.length - 1].right != null) {
          return true;
        }
        for (let s = stack.length - 1; s > 0; --s) {
          if (stack[s - 1].left === stack[s]) {
            return true;
          }
        }
        return false;
      }
      /**
       * Advances iterator to previous element in list
       */
      movePrev() {
        const stack = this.stack;
        if (stack.length === 0) {
          return;
        }
        let n2 = stack[stack.length - 1];
        if (n2 != null && n2.left != null) {
          n2 = n2.left;
          while (n2 != null) {
            stack.push(n2);
            n2 = n2.right;
          }
        } else {
          stack.pop();
          while (stack.length > 0 && stack[stack.length - 1].left === n2) {
            n2 = stack[stack.length - 1];
            stack.pop();
          }
        }
      }
      /**
       * Checks if there is a previous element
       */
      get hasPrev() {
        const stack = this.stack;
        if (stack.length === 0) {
          return false;
        }
        if (stack[stack.length - 1].left != null) {
          return true;
        }
        for (let s = stack.length - 1; s > 0; --s) {
          if (stack[s - 1].right === stack[s]) {
            return true;
          }
        }
        return false;
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/redBlackTree/node.js
function swap2(n2, v) {
  n2.key = v.key;
  n2.value = v.value;
  n2.left = v.left;
  n2.right = v.right;
  n2.color = v.color;
  n2.count = v.count;
}
var Color, clone, repaint, recount;
var init_node2 = __esm({
  "node_modules/effect/dist/esm/internal/redBlackTree/node.js"() {
    Color = {
      Red: 0,
      Black: 1 << 0
    };
    clone = ({
      color,
      count: count2,
      key,
      left: left3,
      right: right3,
      value: value2
    }) => ({
      color,
      key,
      value: value2,
      left: left3,
      right: right3,
      count: count2
    });
    repaint = ({
      count: count2,
      key,
      left: left3,
      right: right3,
      value: value2
    }, color) => ({
      color,
      key,
      value: value2,
      left: left3,
      right: right3,
      count: count2
    });
    recount = (node) => {
      node.count = 1 + (node.left?.count ?? 0) + (node.right?.count ?? 0);
    };
  }
});

// node_modules/effect/dist/esm/internal/redBlackTree.js
var RedBlackTreeSymbolKey, RedBlackTreeTypeId, redBlackTreeVariance, RedBlackTreeProto, makeImpl3, isRedBlackTree, findFirst3, has5, insert, keysForward, keys4, removeFirst, fixDoubleBlack;
var init_redBlackTree = __esm({
  "node_modules/effect/dist/esm/internal/redBlackTree.js"() {
    init_Equal();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_iterator();
    init_node2();
    RedBlackTreeSymbolKey = "effect/RedBlackTree";
    RedBlackTreeTypeId = /* @__PURE__ */ Symbol.for(RedBlackTreeSymbolKey);
    redBlackTreeVariance = {
      /* c8 ignore next */
      _Key: (_) => _,
      /* c8 ignore next */
      _Value: (_) => _
    };
    RedBlackTreeProto = {
      [RedBlackTreeTypeId]: redBlackTreeVariance,
      [symbol]() {
        let hash2 = hash(RedBlackTreeSymbolKey);
        for (const item of this) {
          hash2 ^= pipe(hash(item[0]), combine(hash(item[1])));
        }
        return cached(this, hash2);
      },
      [symbol2](that) {
        if (isRedBlackTree(that)) {
          if ((this._root?.count ?? 0) !== (that._root?.count ?? 0)) {
            return false;
          }
          const entries2 = Array.from(that);
          return Array.from(this).every((itemSelf, i) => {
            const itemThat = entries2[i];
            return equals(itemSelf[0], itemThat[0]) && equals(itemSelf[1], itemThat[1]);
          });
        }
        return false;
      },
      [Symbol.iterator]() {
        const stack = [];
        let n2 = this._root;
        while (n2 != null) {
          stack.push(n2);
          n2 = n2.left;
        }
        return new RedBlackTreeIterator(this, stack, Direction.Forward);
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "RedBlackTree",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeImpl3 = (ord, root) => {
      const tree = Object.create(RedBlackTreeProto);
      tree._ord = ord;
      tree._root = root;
      return tree;
    };
    isRedBlackTree = (u) => hasProperty(u, RedBlackTreeTypeId);
    findFirst3 = /* @__PURE__ */ dual(2, (self, key) => {
      const cmp = self._ord;
      let node = self._root;
      while (node !== void 0) {
        const d = cmp(key, node.key);
        if (equals(key, node.key)) {
          return some2(node.value);
        }
        if (d <= 0) {
          node = node.left;
        } else {
          node = node.right;
        }
      }
      return none2();
    });
    has5 = /* @__PURE__ */ dual(2, (self, key) => isSome2(findFirst3(self, key)));
    insert = /* @__PURE__ */ dual(3, (self, key, value2) => {
      const cmp = self._ord;
      let n2 = self._root;
      const n_stack = [];
      const d_stack = [];
      while (n2 != null) {
        const d = cmp(key, n2.key);
        n_stack.push(n2);
        d_stack.push(d);
        if (d <= 0) {
          n2 = n2.left;
        } else {
          n2 = n2.right;
        }
      }
      n_stack.push({
        color: Color.Red,
        key,
        value: value2,
        left: void 0,
        right: void 0,
        count: 1
      });
      for (let s = n_stack.length - 2; s >= 0; --s) {
        const n22 = n_stack[s];
        if (d_stack[s] <= 0) {
          n_stack[s] = {
            color: n22.color,
            key: n22.key,
            value: n22.value,
            left: n_stack[s + 1],
            right: n22.right,
            count: n22.count + 1
          };
        } else {
          n_stack[s] = {
            color: n22.color,
            key: n22.key,
            value: n22.value,
            left: n22.left,
            right: n_stack[s + 1],
            count: n22.count + 1
          };
        }
      }
      for (let s = n_stack.length - 1; s > 1; --s) {
        const p = n_stack[s - 1];
        const n3 = n_stack[s];
        if (p.color === Color.Black || n3.color === Color.Black) {
          break;
        }
        const pp = n_stack[s - 2];
        if (pp.left === p) {
          if (p.left === n3) {
            const y = pp.right;
            if (y && y.color === Color.Red) {
              p.color = Color.Black;
              pp.right = repaint(y, Color.Black);
              pp.color = Color.Red;
              s -= 1;
            } else {
              pp.color = Color.Red;
              pp.left = p.right;
              p.color = Color.Black;
              p.right = pp;
              n_stack[s - 2] = p;
              n_stack[s - 1] = n3;
              recount(pp);
              recount(p);
              if (s >= 3) {
                const ppp = n_stack[s - 3];
                if (ppp.left === pp) {
                  ppp.left = p;
                } else {
                  ppp.right = p;
                }
              }
              break;
            }
          } else {
            const y = pp.right;
            if (y && y.color === Color.Red) {
              p.color = Color.Black;
              pp.right = repaint(y, Color.Black);
              pp.color = Color.Red;
              s -= 1;
            } else {
              p.right = n3.left;
              pp.color = Color.Red;
              pp.left = n3.right;
              n3.color = Color.Black;
              n3.left = p;
              n3.right = pp;
              n_stack[s - 2] = n3;
              n_stack[s - 1] = p;
              recount(pp);
              recount(p);
              recount(n3);
              if (s >= 3) {
                const ppp = n_stack[s - 3];
                if (ppp.left === pp) {
                  ppp.left = n3;
                } else {
                  ppp.right = n3;
                }
              }
              break;
            }
          }
        } else {
          if (p.right === n3) {
            const y = pp.left;
            if (y && y.color === Color.Red) {
              p.color = Color.Black;
              pp.left = repaint(y, Color.Black);
              pp.color = Color.Red;
              s -= 1;
            } else {
              pp.color = Color.Red;
              pp.right = p.left;
              p.color = Color.Black;
              p.left = pp;
              n_stack[s - 2] = p;
              n_stack[s - 1] = n3;
              recount(pp);
              recount(p);
              if (s >= 3) {
                const ppp = n_stack[s - 3];
                if (ppp.right === pp) {
                  ppp.right = p;
                } else {
                  ppp.left = p;
                }
              }
              break;
            }
          } else {
            const y = pp.left;
            if (y && y.color === Color.Red) {
              p.color = Color.Black;
              pp.left = repaint(y, Color.Black);
              pp.color = Color.Red;
              s -= 1;
            } else {
              p.left = n3.right;
              pp.color = Color.Red;
              pp.right = n3.left;
              n3.color = Color.Black;
              n3.right = p;
              n3.left = pp;
              n_stack[s - 2] = n3;
              n_stack[s - 1] = p;
              recount(pp);
              recount(p);
              recount(n3);
              if (s >= 3) {
                const ppp = n_stack[s - 3];
                if (ppp.right === pp) {
                  ppp.right = n3;
                } else {
                  ppp.left = n3;
                }
              }
              break;
            }
          }
        }
      }
      n_stack[0].color = Color.Black;
      return makeImpl3(self._ord, n_stack[0]);
    });
    keysForward = (self) => keys4(self, Direction.Forward);
    keys4 = (self, direction) => {
      const begin = self[Symbol.iterator]();
      let count2 = 0;
      return {
        [Symbol.iterator]: () => keys4(self, direction),
        next: () => {
          count2++;
          const entry = begin.key;
          if (direction === Direction.Forward) {
            begin.moveNext();
          } else {
            begin.movePrev();
          }
          switch (entry._tag) {
            case "None": {
              return {
                done: true,
                value: count2
              };
            }
            case "Some": {
              return {
                done: false,
                value: entry.value
              };
            }
          }
        }
      };
    };
    removeFirst = /* @__PURE__ */ dual(2, (self, key) => {
      if (!has5(self, key)) {
        return self;
      }
      const ord = self._ord;
      const cmp = ord;
      let node = self._root;
      const stack = [];
      while (node !== void 0) {
        const d = cmp(key, node.key);
        stack.push(node);
        if (equals(key, node.key)) {
          node = void 0;
        } else if (d <= 0) {
          node = node.left;
        } else {
          node = node.right;
        }
      }
      if (stack.length === 0) {
        return self;
      }
      const cstack = new Array(stack.length);
      let n2 = stack[stack.length - 1];
      cstack[cstack.length - 1] = {
        color: n2.color,
        key: n2.key,
        value: n2.value,
        left: n2.left,
        right: n2.right,
        count: n2.count
      };
      for (let i = stack.length - 2; i >= 0; --i) {
        n2 = stack[i];
        if (n2.left === stack[i + 1]) {
          cstack[i] = {
            color: n2.color,
            key: n2.key,
            value: n2.value,
            left: cstack[i + 1],
            right: n2.right,
            count: n2.count
          };
        } else {
          cstack[i] = {
            color: n2.color,
            key: n2.key,
            value: n2.value,
            left: n2.left,
            right: cstack[i + 1],
            count: n2.count
          };
        }
      }
      n2 = cstack[cstack.length - 1];
      if (n2.left !== void 0 && n2.right !== void 0) {
        const split2 = cstack.length;
        n2 = n2.left;
        while (n2.right != null) {
          cstack.push(n2);
          n2 = n2.right;
        }
        const v = cstack[split2 - 1];
        cstack.push({
          color: n2.color,
          key: v.key,
          value: v.value,
          left: n2.left,
          right: n2.right,
          count: n2.count
        });
        cstack[split2 - 1].key = n2.key;
        cstack[split2 - 1].value = n2.value;
        for (let i = cstack.length - 2; i >= split2; --i) {
          n2 = cstack[i];
          cstack[i] = {
            color: n2.color,
            key: n2.key,
            value: n2.value,
            left: n2.left,
            right: cstack[i + 1],
            count: n2.count
          };
        }
        cstack[split2 - 1].left = cstack[split2];
      }
      n2 = cstack[cstack.length - 1];
      if (n2.color === Color.Red) {
        const p = cstack[cstack.length - 2];
        if (p.left === n2) {
          p.left = void 0;
        } else if (p.right === n2) {
          p.right = void 0;
        }
        cstack.pop();
        for (let i = 0; i < cstack.length; ++i) {
          cstack[i].count--;
        }
        return makeImpl3(ord, cstack[0]);
      } else {
        if (n2.left !== void 0 || n2.right !== void 0) {
          if (n2.left !== void 0) {
            swap2(n2, n2.left);
          } else if (n2.right !== void 0) {
            swap2(n2, n2.right);
          }
          n2.color = Color.Black;
          for (let i = 0; i < cstack.length - 1; ++i) {
            cstack[i].count--;
          }
          return makeImpl3(ord, cstack[0]);
        } else if (cstack.length === 1) {
          return makeImpl3(ord, void 0);
        } else {
          for (let i = 0; i < cstack.length; ++i) {
            cstack[i].count--;
          }
          const parent = cstack[cstack.length - 2];
          fixDoubleBlack(cstack);
          if (parent.left === n2) {
            parent.left = void 0;
          } else {
            parent.right = void 0;
          }
        }
      }
      return makeImpl3(ord, cstack[0]);
    });
    fixDoubleBlack = (stack) => {
      let n2, p, s, z;
      for (let i = stack.length - 1; i >= 0; --i) {
        n2 = stack[i];
        if (i === 0) {
          n2.color = Color.Black;
          return;
        }
        p = stack[i - 1];
        if (p.left === n2) {
          s = p.right;
          if (s !== void 0 && s.right !== void 0 && s.right.color === Color.Red) {
            s = p.right = clone(s);
            z = s.right = clone(s.right);
            p.right = s.left;
            s.left = p;
            s.right = z;
            s.color = p.color;
            n2.color = Color.Black;
            p.color = Color.Black;
            z.color = Color.Black;
            recount(p);
            recount(s);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.left === p) {
                pp.left = s;
              } else {
                pp.right = s;
              }
            }
            stack[i - 1] = s;
            return;
          } else if (s !== void 0 && s.left !== void 0 && s.left.color === Color.Red) {
            s = p.right = clone(s);
            z = s.left = clone(s.left);
            p.right = z.left;
            s.left = z.right;
            z.left = p;
            z.right = s;
            z.color = p.color;
            p.color = Color.Black;
            s.color = Color.Black;
            n2.color = Color.Black;
            recount(p);
            recount(s);
            recount(z);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.left === p) {
                pp.left = z;
              } else {
                pp.right = z;
              }
            }
            stack[i - 1] = z;
            return;
          }
          if (s !== void 0 && s.color === Color.Black) {
            if (p.color === Color.Red) {
              p.color = Color.Black;
              p.right = repaint(s, Color.Red);
              return;
            } else {
              p.right = repaint(s, Color.Red);
              continue;
            }
          } else if (s !== void 0) {
            s = clone(s);
            p.right = s.left;
            s.left = p;
            s.color = p.color;
            p.color = Color.Red;
            recount(p);
            recount(s);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.left === p) {
                pp.left = s;
              } else {
                pp.right = s;
              }
            }
            stack[i - 1] = s;
            stack[i] = p;
            if (i + 1 < stack.length) {
              stack[i + 1] = n2;
            } else {
              stack.push(n2);
            }
            i = i + 2;
          }
        } else {
          s = p.left;
          if (s !== void 0 && s.left !== void 0 && s.left.color === Color.Red) {
            s = p.left = clone(s);
            z = s.left = clone(s.left);
            p.left = s.right;
            s.right = p;
            s.left = z;
            s.color = p.color;
            n2.color = Color.Black;
            p.color = Color.Black;
            z.color = Color.Black;
            recount(p);
            recount(s);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.right === p) {
                pp.right = s;
              } else {
                pp.left = s;
              }
            }
            stack[i - 1] = s;
            return;
          } else if (s !== void 0 && s.right !== void 0 && s.right.color === Color.Red) {
            s = p.left = clone(s);
            z = s.right = clone(s.right);
            p.left = z.right;
            s.right = z.left;
            z.right = p;
            z.left = s;
            z.color = p.color;
            p.color = Color.Black;
            s.color = Color.Black;
            n2.color = Color.Black;
            recount(p);
            recount(s);
            recount(z);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.right === p) {
                pp.right = z;
              } else {
                pp.left = z;
              }
            }
            stack[i - 1] = z;
            return;
          }
          if (s !== void 0 && s.color === Color.Black) {
            if (p.color === Color.Red) {
              p.color = Color.Black;
              p.left = repaint(s, Color.Red);
              return;
            } else {
              p.left = repaint(s, Color.Red);
              continue;
            }
          } else if (s !== void 0) {
            s = clone(s);
            p.left = s.right;
            s.right = p;
            s.color = p.color;
            p.color = Color.Red;
            recount(p);
            recount(s);
            if (i > 1) {
              const pp = stack[i - 2];
              if (pp.right === p) {
                pp.right = s;
              } else {
                pp.left = s;
              }
            }
            stack[i - 1] = s;
            stack[i] = p;
            if (i + 1 < stack.length) {
              stack[i + 1] = n2;
            } else {
              stack.push(n2);
            }
            i = i + 2;
          }
        }
      }
    };
  }
});

// node_modules/effect/dist/esm/RedBlackTree.js
var has6, insert2, keys5, removeFirst2;
var init_RedBlackTree = __esm({
  "node_modules/effect/dist/esm/RedBlackTree.js"() {
    init_redBlackTree();
    has6 = has5;
    insert2 = insert;
    keys5 = keysForward;
    removeFirst2 = removeFirst;
  }
});

// node_modules/effect/dist/esm/SortedSet.js
var TypeId12, SortedSetProto, fromTree, isSortedSet, add5, remove5;
var init_SortedSet = __esm({
  "node_modules/effect/dist/esm/SortedSet.js"() {
    init_Equal();
    init_Function();
    init_Function();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    init_RedBlackTree();
    TypeId12 = /* @__PURE__ */ Symbol.for("effect/SortedSet");
    SortedSetProto = {
      [TypeId12]: {
        _A: (_) => _
      },
      [symbol]() {
        return pipe(hash(this.keyTree), combine(hash(TypeId12)), cached(this));
      },
      [symbol2](that) {
        return isSortedSet(that) && equals(this.keyTree, that.keyTree);
      },
      [Symbol.iterator]() {
        return keys5(this.keyTree);
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "SortedSet",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    fromTree = (keyTree) => {
      const a = Object.create(SortedSetProto);
      a.keyTree = keyTree;
      return a;
    };
    isSortedSet = (u) => hasProperty(u, TypeId12);
    add5 = /* @__PURE__ */ dual(2, (self, value2) => has6(self.keyTree, value2) ? self : fromTree(insert2(self.keyTree, value2, true)));
    remove5 = /* @__PURE__ */ dual(2, (self, value2) => fromTree(removeFirst2(self.keyTree, value2)));
  }
});

// node_modules/effect/dist/esm/internal/supervisor.js
var SupervisorSymbolKey, SupervisorTypeId, supervisorVariance, ProxySupervisor, Zip, isZip, Track, Const, FibersIn, fromEffect, none7;
var init_supervisor = __esm({
  "node_modules/effect/dist/esm/internal/supervisor.js"() {
    init_Function();
    init_GlobalValue();
    init_MutableRef();
    init_Predicate();
    init_SortedSet();
    init_core();
    SupervisorSymbolKey = "effect/Supervisor";
    SupervisorTypeId = /* @__PURE__ */ Symbol.for(SupervisorSymbolKey);
    supervisorVariance = {
      /* c8 ignore next */
      _T: (_) => _
    };
    ProxySupervisor = class _ProxySupervisor {
      underlying;
      value0;
      [SupervisorTypeId] = supervisorVariance;
      constructor(underlying, value0) {
        this.underlying = underlying;
        this.value0 = value0;
      }
      get value() {
        return this.value0;
      }
      onStart(context5, effect3, parent, fiber) {
        this.underlying.onStart(context5, effect3, parent, fiber);
      }
      onEnd(value2, fiber) {
        this.underlying.onEnd(value2, fiber);
      }
      onEffect(fiber, effect3) {
        this.underlying.onEffect(fiber, effect3);
      }
      onSuspend(fiber) {
        this.underlying.onSuspend(fiber);
      }
      onResume(fiber) {
        this.underlying.onResume(fiber);
      }
      map(f) {
        return new _ProxySupervisor(this, pipe(this.value, map11(f)));
      }
      zip(right3) {
        return new Zip(this, right3);
      }
    };
    Zip = class _Zip {
      left;
      right;
      _tag = "Zip";
      [SupervisorTypeId] = supervisorVariance;
      constructor(left3, right3) {
        this.left = left3;
        this.right = right3;
      }
      get value() {
        return zip2(this.left.value, this.right.value);
      }
      onStart(context5, effect3, parent, fiber) {
        this.left.onStart(context5, effect3, parent, fiber);
        this.right.onStart(context5, effect3, parent, fiber);
      }
      onEnd(value2, fiber) {
        this.left.onEnd(value2, fiber);
        this.right.onEnd(value2, fiber);
      }
      onEffect(fiber, effect3) {
        this.left.onEffect(fiber, effect3);
        this.right.onEffect(fiber, effect3);
      }
      onSuspend(fiber) {
        this.left.onSuspend(fiber);
        this.right.onSuspend(fiber);
      }
      onResume(fiber) {
        this.left.onResume(fiber);
        this.right.onResume(fiber);
      }
      map(f) {
        return new ProxySupervisor(this, pipe(this.value, map11(f)));
      }
      zip(right3) {
        return new _Zip(this, right3);
      }
    };
    isZip = (self) => hasProperty(self, SupervisorTypeId) && isTagged(self, "Zip");
    Track = class {
      [SupervisorTypeId] = supervisorVariance;
      fibers = /* @__PURE__ */ new Set();
      get value() {
        return sync(() => Array.from(this.fibers));
      }
      onStart(_context, _effect, _parent, fiber) {
        this.fibers.add(fiber);
      }
      onEnd(_value, fiber) {
        this.fibers.delete(fiber);
      }
      onEffect(_fiber, _effect) {
      }
      onSuspend(_fiber) {
      }
      onResume(_fiber) {
      }
      map(f) {
        return new ProxySupervisor(this, pipe(this.value, map11(f)));
      }
      zip(right3) {
        return new Zip(this, right3);
      }
      onRun(execution, _fiber) {
        return execution();
      }
    };
    Const = class {
      effect;
      [SupervisorTypeId] = supervisorVariance;
      constructor(effect3) {
        this.effect = effect3;
      }
      get value() {
        return this.effect;
      }
      onStart(_context, _effect, _parent, _fiber) {
      }
      onEnd(_value, _fiber) {
      }
      onEffect(_fiber, _effect) {
      }
      onSuspend(_fiber) {
      }
      onResume(_fiber) {
      }
      map(f) {
        return new ProxySupervisor(this, pipe(this.value, map11(f)));
      }
      zip(right3) {
        return new Zip(this, right3);
      }
      onRun(execution, _fiber) {
        return execution();
      }
    };
    FibersIn = class {
      ref;
      [SupervisorTypeId] = supervisorVariance;
      constructor(ref) {
        this.ref = ref;
      }
      get value() {
        return sync(() => get6(this.ref));
      }
      onStart(_context, _effect, _parent, fiber) {
        pipe(this.ref, set2(pipe(get6(this.ref), add5(fiber))));
      }
      onEnd(_value, fiber) {
        pipe(this.ref, set2(pipe(get6(this.ref), remove5(fiber))));
      }
      onEffect(_fiber, _effect) {
      }
      onSuspend(_fiber) {
      }
      onResume(_fiber) {
      }
      map(f) {
        return new ProxySupervisor(this, pipe(this.value, map11(f)));
      }
      zip(right3) {
        return new Zip(this, right3);
      }
      onRun(execution, _fiber) {
        return execution();
      }
    };
    fromEffect = (effect3) => {
      return new Const(effect3);
    };
    none7 = /* @__PURE__ */ globalValue("effect/Supervisor/none", () => fromEffect(void_));
  }
});

// node_modules/effect/dist/esm/Differ.js
var make30;
var init_Differ = __esm({
  "node_modules/effect/dist/esm/Differ.js"() {
    init_differ();
    make30 = make14;
  }
});

// node_modules/effect/dist/esm/internal/supervisor/patch.js
var OP_EMPTY3, OP_ADD_SUPERVISOR, OP_REMOVE_SUPERVISOR, OP_AND_THEN2, empty22, combine8, patch8, patchLoop, removeSupervisor, toSet2, diff7, differ2;
var init_patch2 = __esm({
  "node_modules/effect/dist/esm/internal/supervisor/patch.js"() {
    init_Chunk();
    init_Differ();
    init_Equal();
    init_Function();
    init_HashSet();
    init_supervisor();
    OP_EMPTY3 = "Empty";
    OP_ADD_SUPERVISOR = "AddSupervisor";
    OP_REMOVE_SUPERVISOR = "RemoveSupervisor";
    OP_AND_THEN2 = "AndThen";
    empty22 = {
      _tag: OP_EMPTY3
    };
    combine8 = (self, that) => {
      return {
        _tag: OP_AND_THEN2,
        first: self,
        second: that
      };
    };
    patch8 = (self, supervisor) => {
      return patchLoop(supervisor, of2(self));
    };
    patchLoop = (_supervisor, _patches) => {
      let supervisor = _supervisor;
      let patches = _patches;
      while (isNonEmpty(patches)) {
        const head7 = headNonEmpty2(patches);
        switch (head7._tag) {
          case OP_EMPTY3: {
            patches = tailNonEmpty2(patches);
            break;
          }
          case OP_ADD_SUPERVISOR: {
            supervisor = supervisor.zip(head7.supervisor);
            patches = tailNonEmpty2(patches);
            break;
          }
          case OP_REMOVE_SUPERVISOR: {
            supervisor = removeSupervisor(supervisor, head7.supervisor);
            patches = tailNonEmpty2(patches);
            break;
          }
          case OP_AND_THEN2: {
            patches = prepend2(head7.first)(prepend2(head7.second)(tailNonEmpty2(patches)));
            break;
          }
        }
      }
      return supervisor;
    };
    removeSupervisor = (self, that) => {
      if (equals(self, that)) {
        return none7;
      } else {
        if (isZip(self)) {
          return removeSupervisor(self.left, that).zip(removeSupervisor(self.right, that));
        } else {
          return self;
        }
      }
    };
    toSet2 = (self) => {
      if (equals(self, none7)) {
        return empty5();
      } else {
        if (isZip(self)) {
          return pipe(toSet2(self.left), union3(toSet2(self.right)));
        } else {
          return make7(self);
        }
      }
    };
    diff7 = (oldValue, newValue) => {
      if (equals(oldValue, newValue)) {
        return empty22;
      }
      const oldSupervisors = toSet2(oldValue);
      const newSupervisors = toSet2(newValue);
      const added = pipe(newSupervisors, difference3(oldSupervisors), reduce5(empty22, (patch11, supervisor) => combine8(patch11, {
        _tag: OP_ADD_SUPERVISOR,
        supervisor
      })));
      const removed = pipe(oldSupervisors, difference3(newSupervisors), reduce5(empty22, (patch11, supervisor) => combine8(patch11, {
        _tag: OP_REMOVE_SUPERVISOR,
        supervisor
      })));
      return combine8(added, removed);
    };
    differ2 = /* @__PURE__ */ make30({
      empty: empty22,
      patch: patch8,
      combine: combine8,
      diff: diff7
    });
  }
});

// node_modules/effect/dist/esm/internal/fiberRuntime.js
var fiberStarted, fiberActive, fiberSuccesses, fiberFailures, fiberLifetimes, EvaluationSignalContinue, EvaluationSignalDone, EvaluationSignalYieldNow, runtimeFiberVariance, absurd, YieldedOp, yieldedOpChannel, contOpSuccess, drainQueueWhileRunningTable, runBlockedRequests, _version, FiberRuntime, currentMinimumLogLevel, loggerWithConsoleLog, defaultLogger, tracerLogger, currentLoggers, acquireRelease, addFinalizer, allResolveInput, allValidate, allEither, all3, forEach7, forEachParUnbounded, forEachConcurrentDiscard, forEachParN, forkDaemon, unsafeFork2, unsafeForkUnstarted, unsafeMakeChildFiber, forkWithScopeOverride, parallelFinalizers, parallelNFinalizers, finalizersMaskInternal, scopeWith, scopedWith, scopedEffect, sequentialFinalizers, zipOptions, zipLeftOptions, zipRightOptions, zipWithOptions, scopeTag, scope, scopeUnsafeAddFinalizer, ScopeImplProto, scopeUnsafeMake, scopeMake, scopeExtend, scopeUse, fiberRefUnsafeMakeSupervisor, currentRuntimeFlags, currentSupervisor, raceWith, race, raceFibersWith, completeRace, ensuring, invokeWithInterrupt;
var init_fiberRuntime = __esm({
  "node_modules/effect/dist/esm/internal/fiberRuntime.js"() {
    init_Array();
    init_Chunk();
    init_Context();
    init_Effectable();
    init_ExecutionStrategy();
    init_FiberId();
    init_FiberRefs();
    init_FiberRefsPatch();
    init_FiberStatus();
    init_Function();
    init_GlobalValue();
    init_HashSet();
    init_Inspectable();
    init_LogLevel();
    init_Micro();
    init_MutableRef();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_RuntimeFlagsPatch();
    init_Scheduler();
    init_Utils();
    init_blockedRequests();
    init_cause2();
    init_clock();
    init_completedRequestMap();
    init_concurrency();
    init_core_effect();
    init_core();
    init_defaultServices();
    init_console();
    init_executionStrategy();
    init_fiber();
    init_fiberMessage();
    init_fiberRefs();
    init_fiberScope();
    init_logger();
    init_metric();
    init_boundaries();
    init_effect();
    init_request();
    init_runtimeFlags();
    init_runtimeFlags();
    init_supervisor();
    init_patch2();
    init_tracer();
    init_version();
    fiberStarted = /* @__PURE__ */ counter5("effect_fiber_started", {
      incremental: true
    });
    fiberActive = /* @__PURE__ */ counter5("effect_fiber_active");
    fiberSuccesses = /* @__PURE__ */ counter5("effect_fiber_successes", {
      incremental: true
    });
    fiberFailures = /* @__PURE__ */ counter5("effect_fiber_failures", {
      incremental: true
    });
    fiberLifetimes = /* @__PURE__ */ tagged(/* @__PURE__ */ histogram5("effect_fiber_lifetimes", /* @__PURE__ */ exponential({
      start: 0.5,
      factor: 2,
      count: 35
    })), "time_unit", "milliseconds");
    EvaluationSignalContinue = "Continue";
    EvaluationSignalDone = "Done";
    EvaluationSignalYieldNow = "Yield";
    runtimeFiberVariance = {
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _A: (_) => _
    };
    absurd = (_) => {
      throw new Error(`BUG: FiberRuntime - ${toStringUnknown(_)} - please report an issue at https://github.com/Effect-TS/effect/issues`);
    };
    YieldedOp = /* @__PURE__ */ Symbol.for("effect/internal/fiberRuntime/YieldedOp");
    yieldedOpChannel = /* @__PURE__ */ globalValue("effect/internal/fiberRuntime/yieldedOpChannel", () => ({
      currentOp: null
    }));
    contOpSuccess = {
      [OP_ON_SUCCESS]: (_, cont, value2) => {
        return internalCall(() => cont.effect_instruction_i1(value2));
      },
      ["OnStep"]: (_, _cont, value2) => {
        return exitSucceed(exitSucceed(value2));
      },
      [OP_ON_SUCCESS_AND_FAILURE]: (_, cont, value2) => {
        return internalCall(() => cont.effect_instruction_i2(value2));
      },
      [OP_REVERT_FLAGS]: (self, cont, value2) => {
        self.patchRuntimeFlags(self.currentRuntimeFlags, cont.patch);
        if (interruptible(self.currentRuntimeFlags) && self.isInterrupted()) {
          return exitFailCause(self.getInterruptedCause());
        } else {
          return exitSucceed(value2);
        }
      },
      [OP_WHILE]: (self, cont, value2) => {
        internalCall(() => cont.effect_instruction_i2(value2));
        if (internalCall(() => cont.effect_instruction_i0())) {
          self.pushStack(cont);
          return internalCall(() => cont.effect_instruction_i1());
        } else {
          return void_;
        }
      },
      [OP_ITERATOR]: (self, cont, value2) => {
        while (true) {
          const state = internalCall(() => cont.effect_instruction_i0.next(value2));
          if (state.done) {
            return exitSucceed(state.value);
          }
          const primitive = yieldWrapGet(state.value);
          if (!exitIsExit(primitive)) {
            self.pushStack(cont);
            return primitive;
          } else if (primitive._tag === "Failure") {
            return primitive;
          }
          value2 = primitive.value;
        }
      }
    };
    drainQueueWhileRunningTable = {
      [OP_INTERRUPT_SIGNAL]: (self, runtimeFlags2, cur, message) => {
        self.processNewInterruptSignal(message.cause);
        return interruptible(runtimeFlags2) ? exitFailCause(message.cause) : cur;
      },
      [OP_RESUME]: (_self, _runtimeFlags, _cur, _message) => {
        throw new Error("It is illegal to have multiple concurrent run loops in a single fiber");
      },
      [OP_STATEFUL]: (self, runtimeFlags2, cur, message) => {
        message.onFiber(self, running2(runtimeFlags2));
        return cur;
      },
      [OP_YIELD_NOW]: (_self, _runtimeFlags, cur, _message) => {
        return flatMap7(yieldNow(), () => cur);
      }
    };
    runBlockedRequests = (self) => forEachSequentialDiscard(flatten2(self), (requestsByRequestResolver) => forEachConcurrentDiscard(sequentialCollectionToChunk(requestsByRequestResolver), ([dataSource, sequential4]) => {
      const map22 = /* @__PURE__ */ new Map();
      const arr = [];
      for (const block of sequential4) {
        arr.push(toReadonlyArray(block));
        for (const entry of block) {
          map22.set(entry.request, entry);
        }
      }
      const flat = arr.flat();
      return fiberRefLocally(invokeWithInterrupt(dataSource.runAll(arr), flat, () => flat.forEach((entry) => {
        entry.listeners.interrupted = true;
      })), currentRequestMap, map22);
    }, false, false));
    _version = /* @__PURE__ */ getCurrentVersion();
    FiberRuntime = class extends Class2 {
      [FiberTypeId] = fiberVariance2;
      [RuntimeFiberTypeId] = runtimeFiberVariance;
      _fiberRefs;
      _fiberId;
      _queue = /* @__PURE__ */ new Array();
      _children = null;
      _observers = /* @__PURE__ */ new Array();
      _running = false;
      _stack = [];
      _asyncInterruptor = null;
      _asyncBlockingOn = null;
      _exitValue = null;
      _steps = [];
      _isYielding = false;
      currentRuntimeFlags;
      currentOpCount = 0;
      currentSupervisor;
      currentScheduler;
      currentTracer;
      currentSpan;
      currentContext;
      currentDefaultServices;
      constructor(fiberId2, fiberRefs0, runtimeFlags0) {
        super();
        this.currentRuntimeFlags = runtimeFlags0;
        this._fiberId = fiberId2;
        this._fiberRefs = fiberRefs0;
        if (runtimeMetrics(runtimeFlags0)) {
          const tags = this.getFiberRef(currentMetricLabels);
          fiberStarted.unsafeUpdate(1, tags);
          fiberActive.unsafeUpdate(1, tags);
        }
        this.refreshRefCache();
      }
      commit() {
        return join2(this);
      }
      /**
       * The identity of the fiber.
       */
      id() {
        return this._fiberId;
      }
      /**
       * Begins execution of the effect associated with this fiber on in the
       * background. This can be called to "kick off" execution of a fiber after
       * it has been created.
       */
      resume(effect3) {
        this.tell(resume(effect3));
      }
      /**
       * The status of the fiber.
       */
      get status() {
        return this.ask((_, status2) => status2);
      }
      /**
       * Gets the fiber runtime flags.
       */
      get runtimeFlags() {
        return this.ask((state, status2) => {
          if (isDone2(status2)) {
            return state.currentRuntimeFlags;
          }
          return status2.runtimeFlags;
        });
      }
      /**
       * Returns the current `FiberScope` for the fiber.
       */
      scope() {
        return unsafeMake5(this);
      }
      /**
       * Retrieves the immediate children of the fiber.
       */
      get children() {
        return this.ask((fiber) => Array.from(fiber.getChildren()));
      }
      /**
       * Gets the fiber's set of children.
       */
      getChildren() {
        if (this._children === null) {
          this._children = /* @__PURE__ */ new Set();
        }
        return this._children;
      }
      /**
       * Retrieves the interrupted cause of the fiber, which will be `Cause.empty`
       * if the fiber has not been interrupted.
       *
       * **NOTE**: This method is safe to invoke on any fiber, but if not invoked
       * on this fiber, then values derived from the fiber's state (including the
       * log annotations and log level) may not be up-to-date.
       */
      getInterruptedCause() {
        return this.getFiberRef(currentInterruptedCause);
      }
      /**
       * Retrieves the whole set of fiber refs.
       */
      fiberRefs() {
        return this.ask((fiber) => fiber.getFiberRefs());
      }
      /**
       * Returns an effect that will contain information computed from the fiber
       * state and status while running on the fiber.
       *
       * This allows the outside world to interact safely with mutable fiber state
       * without locks or immutable data.
       */
      ask(f) {
        return suspend(() => {
          const deferred = deferredUnsafeMake(this._fiberId);
          this.tell(stateful((fiber, status2) => {
            deferredUnsafeDone(deferred, sync(() => f(fiber, status2)));
          }));
          return deferredAwait(deferred);
        });
      }
      /**
       * Adds a message to be processed by the fiber on the fiber.
       */
      tell(message) {
        this._queue.push(message);
        if (!this._running) {
          this._running = true;
          this.drainQueueLaterOnExecutor();
        }
      }
      get await() {
        return async_((resume2) => {
          const cb = (exit4) => resume2(succeed(exit4));
          if (this._exitValue !== null) {
            cb(this._exitValue);
            return;
          }
          this.tell(stateful((fiber, _) => {
            if (fiber._exitValue !== null) {
              cb(this._exitValue);
            } else {
              fiber.addObserver(cb);
            }
          }));
          return sync(() => this.tell(stateful((fiber, _) => {
            fiber.removeObserver(cb);
          })));
        }, this.id());
      }
      get inheritAll() {
        return withFiberRuntime((parentFiber, parentStatus) => {
          const parentFiberId = parentFiber.id();
          const parentFiberRefs = parentFiber.getFiberRefs();
          const parentRuntimeFlags = parentStatus.runtimeFlags;
          const childFiberRefs = this.getFiberRefs();
          const updatedFiberRefs = joinAs(parentFiberRefs, parentFiberId, childFiberRefs);
          parentFiber.setFiberRefs(updatedFiberRefs);
          const updatedRuntimeFlags = parentFiber.getFiberRef(currentRuntimeFlags);
          const patch11 = pipe(
            diff4(parentRuntimeFlags, updatedRuntimeFlags),
            // Do not inherit WindDown or Interruption!
            exclude2(Interruption),
            exclude2(WindDown)
          );
          return updateRuntimeFlags(patch11);
        });
      }
      /**
       * Tentatively observes the fiber, but returns immediately if it is not
       * already done.
       */
      get poll() {
        return sync(() => fromNullable(this._exitValue));
      }
      /**
       * Unsafely observes the fiber, but returns immediately if it is not
       * already done.
       */
      unsafePoll() {
        return this._exitValue;
      }
      /**
       * In the background, interrupts the fiber as if interrupted from the specified fiber.
       */
      interruptAsFork(fiberId2) {
        return sync(() => this.tell(interruptSignal(interrupt(fiberId2))));
      }
      /**
       * In the background, interrupts the fiber as if interrupted from the specified fiber.
       */
      unsafeInterruptAsFork(fiberId2) {
        this.tell(interruptSignal(interrupt(fiberId2)));
      }
      /**
       * Adds an observer to the list of observers.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      addObserver(observer) {
        if (this._exitValue !== null) {
          observer(this._exitValue);
        } else {
          this._observers.push(observer);
        }
      }
      /**
       * Removes the specified observer from the list of observers that will be
       * notified when the fiber exits.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      removeObserver(observer) {
        this._observers = this._observers.filter((o) => o !== observer);
      }
      /**
       * Retrieves all fiber refs of the fiber.
       *
       * **NOTE**: This method is safe to invoke on any fiber, but if not invoked
       * on this fiber, then values derived from the fiber's state (including the
       * log annotations and log level) may not be up-to-date.
       */
      getFiberRefs() {
        this.setFiberRef(currentRuntimeFlags, this.currentRuntimeFlags);
        return this._fiberRefs;
      }
      /**
       * Deletes the specified fiber ref.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      unsafeDeleteFiberRef(fiberRef) {
        this._fiberRefs = delete_(this._fiberRefs, fiberRef);
      }
      /**
       * Retrieves the state of the fiber ref, or else its initial value.
       *
       * **NOTE**: This method is safe to invoke on any fiber, but if not invoked
       * on this fiber, then values derived from the fiber's state (including the
       * log annotations and log level) may not be up-to-date.
       */
      getFiberRef(fiberRef) {
        if (this._fiberRefs.locals.has(fiberRef)) {
          return this._fiberRefs.locals.get(fiberRef)[0][1];
        }
        return fiberRef.initial;
      }
      /**
       * Sets the fiber ref to the specified value.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      setFiberRef(fiberRef, value2) {
        this._fiberRefs = updateAs(this._fiberRefs, {
          fiberId: this._fiberId,
          fiberRef,
          value: value2
        });
        this.refreshRefCache();
      }
      refreshRefCache() {
        this.currentDefaultServices = this.getFiberRef(currentServices);
        this.currentTracer = this.currentDefaultServices.unsafeMap.get(tracerTag.key);
        this.currentSupervisor = this.getFiberRef(currentSupervisor);
        this.currentScheduler = this.getFiberRef(currentScheduler);
        this.currentContext = this.getFiberRef(currentContext);
        this.currentSpan = this.currentContext.unsafeMap.get(spanTag.key);
      }
      /**
       * Wholesale replaces all fiber refs of this fiber.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      setFiberRefs(fiberRefs3) {
        this._fiberRefs = fiberRefs3;
        this.refreshRefCache();
      }
      /**
       * Adds a reference to the specified fiber inside the children set.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      addChild(child) {
        this.getChildren().add(child);
      }
      /**
       * Removes a reference to the specified fiber inside the children set.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      removeChild(child) {
        this.getChildren().delete(child);
      }
      /**
       * Transfers all children of this fiber that are currently running to the
       * specified fiber scope.
       *
       * **NOTE**: This method must be invoked by the fiber itself after it has
       * evaluated the effects but prior to exiting.
       */
      transferChildren(scope4) {
        const children2 = this._children;
        this._children = null;
        if (children2 !== null && children2.size > 0) {
          for (const child of children2) {
            if (child._exitValue === null) {
              scope4.add(this.currentRuntimeFlags, child);
            }
          }
        }
      }
      /**
       * On the current thread, executes all messages in the fiber's inbox. This
       * method may return before all work is done, in the event the fiber executes
       * an asynchronous operation.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      drainQueueOnCurrentThread() {
        let recurse = true;
        while (recurse) {
          let evaluationSignal = EvaluationSignalContinue;
          const prev = globalThis[currentFiberURI];
          globalThis[currentFiberURI] = this;
          try {
            while (evaluationSignal === EvaluationSignalContinue) {
              evaluationSignal = this._queue.length === 0 ? EvaluationSignalDone : this.evaluateMessageWhileSuspended(this._queue.splice(0, 1)[0]);
            }
          } finally {
            this._running = false;
            globalThis[currentFiberURI] = prev;
          }
          if (this._queue.length > 0 && !this._running) {
            this._running = true;
            if (evaluationSignal === EvaluationSignalYieldNow) {
              this.drainQueueLaterOnExecutor();
              recurse = false;
            } else {
              recurse = true;
            }
          } else {
            recurse = false;
          }
        }
      }
      /**
       * Schedules the execution of all messages in the fiber's inbox.
       *
       * This method will return immediately after the scheduling
       * operation is completed, but potentially before such messages have been
       * executed.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      drainQueueLaterOnExecutor() {
        this.currentScheduler.scheduleTask(this.run, this.getFiberRef(currentSchedulingPriority), this);
      }
      /**
       * Drains the fiber's message queue while the fiber is actively running,
       * returning the next effect to execute, which may be the input effect if no
       * additional effect needs to be executed.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      drainQueueWhileRunning(runtimeFlags2, cur0) {
        let cur = cur0;
        while (this._queue.length > 0) {
          const message = this._queue.splice(0, 1)[0];
          cur = drainQueueWhileRunningTable[message._tag](this, runtimeFlags2, cur, message);
        }
        return cur;
      }
      /**
       * Determines if the fiber is interrupted.
       *
       * **NOTE**: This method is safe to invoke on any fiber, but if not invoked
       * on this fiber, then values derived from the fiber's state (including the
       * log annotations and log level) may not be up-to-date.
       */
      isInterrupted() {
        return !isEmpty3(this.getFiberRef(currentInterruptedCause));
      }
      /**
       * Adds an interruptor to the set of interruptors that are interrupting this
       * fiber.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      addInterruptedCause(cause2) {
        const oldSC = this.getFiberRef(currentInterruptedCause);
        this.setFiberRef(currentInterruptedCause, sequential(oldSC, cause2));
      }
      /**
       * Processes a new incoming interrupt signal.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      processNewInterruptSignal(cause2) {
        this.addInterruptedCause(cause2);
        this.sendInterruptSignalToAllChildren();
      }
      /**
       * Interrupts all children of the current fiber, returning an effect that will
       * await the exit of the children. This method will return null if the fiber
       * has no children.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      sendInterruptSignalToAllChildren() {
        if (this._children === null || this._children.size === 0) {
          return false;
        }
        let told = false;
        for (const child of this._children) {
          child.tell(interruptSignal(interrupt(this.id())));
          told = true;
        }
        return told;
      }
      /**
       * Interrupts all children of the current fiber, returning an effect that will
       * await the exit of the children. This method will return null if the fiber
       * has no children.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      interruptAllChildren() {
        if (this.sendInterruptSignalToAllChildren()) {
          const it = this._children.values();
          this._children = null;
          let isDone6 = false;
          const body4 = () => {
            const next = it.next();
            if (!next.done) {
              return asVoid(next.value.await);
            } else {
              return sync(() => {
                isDone6 = true;
              });
            }
          };
          return whileLoop({
            while: () => !isDone6,
            body: body4,
            step: () => {
            }
          });
        }
        return null;
      }
      reportExitValue(exit4) {
        if (runtimeMetrics(this.currentRuntimeFlags)) {
          const tags = this.getFiberRef(currentMetricLabels);
          const startTimeMillis = this.id().startTimeMillis;
          const endTimeMillis = Date.now();
          fiberLifetimes.unsafeUpdate(endTimeMillis - startTimeMillis, tags);
          fiberActive.unsafeUpdate(-1, tags);
          switch (exit4._tag) {
            case OP_SUCCESS: {
              fiberSuccesses.unsafeUpdate(1, tags);
              break;
            }
            case OP_FAILURE: {
              fiberFailures.unsafeUpdate(1, tags);
              break;
            }
          }
        }
        if (exit4._tag === "Failure") {
          const level = this.getFiberRef(currentUnhandledErrorLogLevel);
          if (!isInterruptedOnly(exit4.cause) && level._tag === "Some") {
            this.log("Fiber terminated with an unhandled error", exit4.cause, level);
          }
        }
      }
      setExitValue(exit4) {
        this._exitValue = exit4;
        this.reportExitValue(exit4);
        for (let i = this._observers.length - 1; i >= 0; i--) {
          this._observers[i](exit4);
        }
        this._observers = [];
      }
      getLoggers() {
        return this.getFiberRef(currentLoggers);
      }
      log(message, cause2, overrideLogLevel) {
        const logLevel = isSome2(overrideLogLevel) ? overrideLogLevel.value : this.getFiberRef(currentLogLevel);
        const minimumLogLevel = this.getFiberRef(currentMinimumLogLevel);
        if (greaterThan2(minimumLogLevel, logLevel)) {
          return;
        }
        const spans = this.getFiberRef(currentLogSpan);
        const annotations2 = this.getFiberRef(currentLogAnnotations);
        const loggers = this.getLoggers();
        const contextMap = this.getFiberRefs();
        if (size3(loggers) > 0) {
          const clockService = get5(this.getFiberRef(currentServices), clockTag);
          const date = new Date(clockService.unsafeCurrentTimeMillis());
          withRedactableContext(contextMap, () => {
            for (const logger of loggers) {
              logger.log({
                fiberId: this.id(),
                logLevel,
                message,
                cause: cause2,
                context: contextMap,
                spans,
                annotations: annotations2,
                date
              });
            }
          });
        }
      }
      /**
       * Evaluates a single message on the current thread, while the fiber is
       * suspended. This method should only be called while evaluation of the
       * fiber's effect is suspended due to an asynchronous operation.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      evaluateMessageWhileSuspended(message) {
        switch (message._tag) {
          case OP_YIELD_NOW: {
            return EvaluationSignalYieldNow;
          }
          case OP_INTERRUPT_SIGNAL: {
            this.processNewInterruptSignal(message.cause);
            if (this._asyncInterruptor !== null) {
              this._asyncInterruptor(exitFailCause(message.cause));
              this._asyncInterruptor = null;
            }
            return EvaluationSignalContinue;
          }
          case OP_RESUME: {
            this._asyncInterruptor = null;
            this._asyncBlockingOn = null;
            this.evaluateEffect(message.effect);
            return EvaluationSignalContinue;
          }
          case OP_STATEFUL: {
            message.onFiber(this, this._exitValue !== null ? done3 : suspended2(this.currentRuntimeFlags, this._asyncBlockingOn));
            return EvaluationSignalContinue;
          }
          default: {
            return absurd(message);
          }
        }
      }
      /**
       * Evaluates an effect until completion, potentially asynchronously.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      evaluateEffect(effect0) {
        this.currentSupervisor.onResume(this);
        try {
          let effect3 = interruptible(this.currentRuntimeFlags) && this.isInterrupted() ? exitFailCause(this.getInterruptedCause()) : effect0;
          while (effect3 !== null) {
            const eff = effect3;
            const exit4 = this.runLoop(eff);
            if (exit4 === YieldedOp) {
              const op = yieldedOpChannel.currentOp;
              yieldedOpChannel.currentOp = null;
              if (op._op === OP_YIELD) {
                if (cooperativeYielding(this.currentRuntimeFlags)) {
                  this.tell(yieldNow3());
                  this.tell(resume(exitVoid));
                  effect3 = null;
                } else {
                  effect3 = exitVoid;
                }
              } else if (op._op === OP_ASYNC) {
                effect3 = null;
              }
            } else {
              this.currentRuntimeFlags = pipe(this.currentRuntimeFlags, enable2(WindDown));
              const interruption2 = this.interruptAllChildren();
              if (interruption2 !== null) {
                effect3 = flatMap7(interruption2, () => exit4);
              } else {
                if (this._queue.length === 0) {
                  this.setExitValue(exit4);
                } else {
                  this.tell(resume(exit4));
                }
                effect3 = null;
              }
            }
          }
        } finally {
          this.currentSupervisor.onSuspend(this);
        }
      }
      /**
       * Begins execution of the effect associated with this fiber on the current
       * thread. This can be called to "kick off" execution of a fiber after it has
       * been created, in hopes that the effect can be executed synchronously.
       *
       * This is not the normal way of starting a fiber, but it is useful when the
       * express goal of executing the fiber is to synchronously produce its exit.
       */
      start(effect3) {
        if (!this._running) {
          this._running = true;
          const prev = globalThis[currentFiberURI];
          globalThis[currentFiberURI] = this;
          try {
            this.evaluateEffect(effect3);
          } finally {
            this._running = false;
            globalThis[currentFiberURI] = prev;
            if (this._queue.length > 0) {
              this.drainQueueLaterOnExecutor();
            }
          }
        } else {
          this.tell(resume(effect3));
        }
      }
      /**
       * Begins execution of the effect associated with this fiber on in the
       * background, and on the correct thread pool. This can be called to "kick
       * off" execution of a fiber after it has been created, in hopes that the
       * effect can be executed synchronously.
       */
      startFork(effect3) {
        this.tell(resume(effect3));
      }
      /**
       * Takes the current runtime flags, patches them to return the new runtime
       * flags, and then makes any changes necessary to fiber state based on the
       * specified patch.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      patchRuntimeFlags(oldRuntimeFlags, patch11) {
        const newRuntimeFlags = patch4(oldRuntimeFlags, patch11);
        globalThis[currentFiberURI] = this;
        this.currentRuntimeFlags = newRuntimeFlags;
        return newRuntimeFlags;
      }
      /**
       * Initiates an asynchronous operation, by building a callback that will
       * resume execution, and then feeding that callback to the registration
       * function, handling error cases and repeated resumptions appropriately.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      initiateAsync(runtimeFlags2, asyncRegister) {
        let alreadyCalled = false;
        const callback = (effect3) => {
          if (!alreadyCalled) {
            alreadyCalled = true;
            this.tell(resume(effect3));
          }
        };
        if (interruptible(runtimeFlags2)) {
          this._asyncInterruptor = callback;
        }
        try {
          asyncRegister(callback);
        } catch (e) {
          callback(failCause(die(e)));
        }
      }
      pushStack(cont) {
        this._stack.push(cont);
        if (cont._op === "OnStep") {
          this._steps.push({
            refs: this.getFiberRefs(),
            flags: this.currentRuntimeFlags
          });
        }
      }
      popStack() {
        const item = this._stack.pop();
        if (item) {
          if (item._op === "OnStep") {
            this._steps.pop();
          }
          return item;
        }
        return;
      }
      getNextSuccessCont() {
        let frame = this.popStack();
        while (frame) {
          if (frame._op !== OP_ON_FAILURE) {
            return frame;
          }
          frame = this.popStack();
        }
      }
      getNextFailCont() {
        let frame = this.popStack();
        while (frame) {
          if (frame._op !== OP_ON_SUCCESS && frame._op !== OP_WHILE && frame._op !== OP_ITERATOR) {
            return frame;
          }
          frame = this.popStack();
        }
      }
      [OP_TAG](op) {
        return sync(() => unsafeGet4(this.currentContext, op));
      }
      ["Left"](op) {
        return fail2(op.left);
      }
      ["None"](_) {
        return fail2(new NoSuchElementException());
      }
      ["Right"](op) {
        return exitSucceed(op.right);
      }
      ["Some"](op) {
        return exitSucceed(op.value);
      }
      ["Micro"](op) {
        return unsafeAsync((microResume) => {
          let resume2 = microResume;
          const fiber = runFork(provideContext2(op, this.currentContext));
          fiber.addObserver((exit4) => {
            if (exit4._tag === "Success") {
              return resume2(exitSucceed(exit4.value));
            }
            switch (exit4.cause._tag) {
              case "Interrupt": {
                return resume2(exitFailCause(interrupt(none4)));
              }
              case "Fail": {
                return resume2(fail2(exit4.cause.error));
              }
              case "Die": {
                return resume2(die2(exit4.cause.defect));
              }
            }
          });
          return unsafeAsync((abortResume) => {
            resume2 = (_) => {
              abortResume(void_);
            };
            fiber.unsafeInterrupt();
          });
        });
      }
      [OP_SYNC](op) {
        const value2 = internalCall(() => op.effect_instruction_i0());
        const cont = this.getNextSuccessCont();
        if (cont !== void 0) {
          if (!(cont._op in contOpSuccess)) {
            absurd(cont);
          }
          return contOpSuccess[cont._op](this, cont, value2);
        } else {
          yieldedOpChannel.currentOp = exitSucceed(value2);
          return YieldedOp;
        }
      }
      [OP_SUCCESS](op) {
        const oldCur = op;
        const cont = this.getNextSuccessCont();
        if (cont !== void 0) {
          if (!(cont._op in contOpSuccess)) {
            absurd(cont);
          }
          return contOpSuccess[cont._op](this, cont, oldCur.effect_instruction_i0);
        } else {
          yieldedOpChannel.currentOp = oldCur;
          return YieldedOp;
        }
      }
      [OP_FAILURE](op) {
        const cause2 = op.effect_instruction_i0;
        const cont = this.getNextFailCont();
        if (cont !== void 0) {
          switch (cont._op) {
            case OP_ON_FAILURE:
            case OP_ON_SUCCESS_AND_FAILURE: {
              if (!(interruptible(this.currentRuntimeFlags) && this.isInterrupted())) {
                return internalCall(() => cont.effect_instruction_i1(cause2));
              } else {
                return exitFailCause(stripFailures(cause2));
              }
            }
            case "OnStep": {
              if (!(interruptible(this.currentRuntimeFlags) && this.isInterrupted())) {
                return exitSucceed(exitFailCause(cause2));
              } else {
                return exitFailCause(stripFailures(cause2));
              }
            }
            case OP_REVERT_FLAGS: {
              this.patchRuntimeFlags(this.currentRuntimeFlags, cont.patch);
              if (interruptible(this.currentRuntimeFlags) && this.isInterrupted()) {
                return exitFailCause(sequential(cause2, this.getInterruptedCause()));
              } else {
                return exitFailCause(cause2);
              }
            }
            default: {
              absurd(cont);
            }
          }
        } else {
          yieldedOpChannel.currentOp = exitFailCause(cause2);
          return YieldedOp;
        }
      }
      [OP_WITH_RUNTIME](op) {
        return internalCall(() => op.effect_instruction_i0(this, running2(this.currentRuntimeFlags)));
      }
      ["Blocked"](op) {
        const refs = this.getFiberRefs();
        const flags = this.currentRuntimeFlags;
        if (this._steps.length > 0) {
          const frames = [];
          const snap = this._steps[this._steps.length - 1];
          let frame = this.popStack();
          while (frame && frame._op !== "OnStep") {
            frames.push(frame);
            frame = this.popStack();
          }
          this.setFiberRefs(snap.refs);
          this.currentRuntimeFlags = snap.flags;
          const patchRefs = diff6(snap.refs, refs);
          const patchFlags = diff4(snap.flags, flags);
          return exitSucceed(blocked(op.effect_instruction_i0, withFiberRuntime((newFiber) => {
            while (frames.length > 0) {
              newFiber.pushStack(frames.pop());
            }
            newFiber.setFiberRefs(patch7(newFiber.id(), newFiber.getFiberRefs())(patchRefs));
            newFiber.currentRuntimeFlags = patch4(patchFlags)(newFiber.currentRuntimeFlags);
            return op.effect_instruction_i1;
          })));
        }
        return uninterruptibleMask((restore) => flatMap7(forkDaemon(runRequestBlock(op.effect_instruction_i0)), () => restore(op.effect_instruction_i1)));
      }
      ["RunBlocked"](op) {
        return runBlockedRequests(op.effect_instruction_i0);
      }
      [OP_UPDATE_RUNTIME_FLAGS](op) {
        const updateFlags = op.effect_instruction_i0;
        const oldRuntimeFlags = this.currentRuntimeFlags;
        const newRuntimeFlags = patch4(oldRuntimeFlags, updateFlags);
        if (interruptible(newRuntimeFlags) && this.isInterrupted()) {
          return exitFailCause(this.getInterruptedCause());
        } else {
          this.patchRuntimeFlags(this.currentRuntimeFlags, updateFlags);
          if (op.effect_instruction_i1) {
            const revertFlags = diff4(newRuntimeFlags, oldRuntimeFlags);
            this.pushStack(new RevertFlags(revertFlags, op));
            return internalCall(() => op.effect_instruction_i1(oldRuntimeFlags));
          } else {
            return exitVoid;
          }
        }
      }
      [OP_ON_SUCCESS](op) {
        this.pushStack(op);
        return op.effect_instruction_i0;
      }
      ["OnStep"](op) {
        this.pushStack(op);
        return op.effect_instruction_i0;
      }
      [OP_ON_FAILURE](op) {
        this.pushStack(op);
        return op.effect_instruction_i0;
      }
      [OP_ON_SUCCESS_AND_FAILURE](op) {
        this.pushStack(op);
        return op.effect_instruction_i0;
      }
      [OP_ASYNC](op) {
        this._asyncBlockingOn = op.effect_instruction_i1;
        this.initiateAsync(this.currentRuntimeFlags, op.effect_instruction_i0);
        yieldedOpChannel.currentOp = op;
        return YieldedOp;
      }
      [OP_YIELD](op) {
        this._isYielding = false;
        yieldedOpChannel.currentOp = op;
        return YieldedOp;
      }
      [OP_WHILE](op) {
        const check2 = op.effect_instruction_i0;
        const body4 = op.effect_instruction_i1;
        if (check2()) {
          this.pushStack(op);
          return body4();
        } else {
          return exitVoid;
        }
      }
      [OP_ITERATOR](op) {
        return contOpSuccess[OP_ITERATOR](this, op, void 0);
      }
      [OP_COMMIT](op) {
        return internalCall(() => op.commit());
      }
      /**
       * The main run-loop for evaluating effects.
       *
       * **NOTE**: This method must be invoked by the fiber itself.
       */
      runLoop(effect0) {
        let cur = effect0;
        this.currentOpCount = 0;
        while (true) {
          if ((this.currentRuntimeFlags & OpSupervision) !== 0) {
            this.currentSupervisor.onEffect(this, cur);
          }
          if (this._queue.length > 0) {
            cur = this.drainQueueWhileRunning(this.currentRuntimeFlags, cur);
          }
          if (!this._isYielding) {
            this.currentOpCount += 1;
            const shouldYield = this.currentScheduler.shouldYield(this);
            if (shouldYield !== false) {
              this._isYielding = true;
              this.currentOpCount = 0;
              const oldCur = cur;
              cur = flatMap7(yieldNow({
                priority: shouldYield
              }), () => oldCur);
            }
          }
          try {
            cur = this.currentTracer.context(() => {
              if (_version !== cur[EffectTypeId2]._V) {
                const level = this.getFiberRef(currentVersionMismatchErrorLogLevel);
                if (level._tag === "Some") {
                  const effectVersion = cur[EffectTypeId2]._V;
                  this.log(`Executing an Effect versioned ${effectVersion} with a Runtime of version ${getCurrentVersion()}, you may want to dedupe the effect dependencies, you can use the language service plugin to detect this at compile time: https://github.com/Effect-TS/language-service`, empty6, level);
                }
              }
              return this[cur._op](cur);
            }, this);
            if (cur === YieldedOp) {
              const op = yieldedOpChannel.currentOp;
              if (op._op === OP_YIELD || op._op === OP_ASYNC) {
                return YieldedOp;
              }
              yieldedOpChannel.currentOp = null;
              return op._op === OP_SUCCESS || op._op === OP_FAILURE ? op : exitFailCause(die(op));
            }
          } catch (e) {
            if (cur !== YieldedOp && !hasProperty(cur, "_op") || !(cur._op in this)) {
              cur = dieMessage(`Not a valid effect: ${toStringUnknown(cur)}`);
            } else if (isInterruptedException(e)) {
              cur = exitFailCause(sequential(die(e), interrupt(none4)));
            } else {
              cur = die2(e);
            }
          }
        }
      }
      run = () => {
        this.drainQueueOnCurrentThread();
      };
    };
    currentMinimumLogLevel = /* @__PURE__ */ globalValue("effect/FiberRef/currentMinimumLogLevel", () => fiberRefUnsafeMake(fromLiteral("Info")));
    loggerWithConsoleLog = (self) => makeLogger((opts) => {
      const services = getOrDefault2(opts.context, currentServices);
      get5(services, consoleTag).unsafe.log(self.log(opts));
    });
    defaultLogger = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Logger/defaultLogger"), () => loggerWithConsoleLog(stringLogger));
    tracerLogger = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Logger/tracerLogger"), () => makeLogger(({
      annotations: annotations2,
      cause: cause2,
      context: context5,
      fiberId: fiberId2,
      logLevel,
      message
    }) => {
      const span2 = filterDisablePropagation(getOption2(getOrDefault(context5, currentContext), spanTag));
      if (span2._tag === "None" || span2.value._tag === "ExternalSpan") {
        return;
      }
      const clockService = unsafeGet4(getOrDefault(context5, currentServices), clockTag);
      const attributes = {};
      for (const [key, value2] of annotations2) {
        attributes[key] = value2;
      }
      attributes["effect.fiberId"] = threadName2(fiberId2);
      attributes["effect.logLevel"] = logLevel.label;
      if (cause2 !== null && cause2._tag !== "Empty") {
        attributes["effect.cause"] = pretty(cause2, {
          renderErrorCause: true
        });
      }
      span2.value.event(toStringUnknown(Array.isArray(message) && message.length === 1 ? message[0] : message), clockService.unsafeCurrentTimeNanos(), attributes);
    }));
    currentLoggers = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/FiberRef/currentLoggers"), () => fiberRefUnsafeMakeHashSet(make7(defaultLogger, tracerLogger)));
    acquireRelease = /* @__PURE__ */ dual((args2) => isEffect(args2[0]), (acquire, release) => uninterruptible(tap(acquire, (a) => addFinalizer((exit4) => release(a, exit4)))));
    addFinalizer = (finalizer2) => withFiberRuntime((runtime4) => {
      const acquireRefs = runtime4.getFiberRefs();
      const acquireFlags = disable2(runtime4.currentRuntimeFlags, Interruption);
      return flatMap7(scope, (scope4) => scopeAddFinalizerExit(scope4, (exit4) => withFiberRuntime((runtimeFinalizer) => {
        const preRefs = runtimeFinalizer.getFiberRefs();
        const preFlags = runtimeFinalizer.currentRuntimeFlags;
        const interruptedCause = runtimeFinalizer.getFiberRef(currentInterruptedCause);
        const patchRefs = diff6(preRefs, acquireRefs);
        const patchFlags = diff4(preFlags, acquireFlags);
        const inverseRefs = diff6(acquireRefs, preRefs);
        runtimeFinalizer.setFiberRefs(patch7(patchRefs, runtimeFinalizer.id(), acquireRefs));
        runtimeFinalizer.setFiberRef(currentInterruptedCause, interruptedCause);
        return ensuring(withRuntimeFlags(finalizer2(exit4), patchFlags), sync(() => {
          runtimeFinalizer.setFiberRefs(patch7(inverseRefs, runtimeFinalizer.id(), runtimeFinalizer.getFiberRefs()));
        }));
      })));
    });
    allResolveInput = (input) => {
      if (Array.isArray(input) || isIterable(input)) {
        return [input, none2()];
      }
      const keys6 = Object.keys(input);
      const size11 = keys6.length;
      return [keys6.map((k) => input[k]), some2((values3) => {
        const res = {};
        for (let i = 0; i < size11; i++) {
          ;
          res[keys6[i]] = values3[i];
        }
        return res;
      })];
    };
    allValidate = (effects, reconcile, options3) => {
      const eitherEffects = [];
      for (const effect3 of effects) {
        eitherEffects.push(either2(effect3));
      }
      return flatMap7(forEach7(eitherEffects, identity, {
        concurrency: options3?.concurrency,
        batching: options3?.batching,
        concurrentFinalizers: options3?.concurrentFinalizers
      }), (eithers) => {
        const none9 = none2();
        const size11 = eithers.length;
        const errors = new Array(size11);
        const successes = new Array(size11);
        let errored = false;
        for (let i = 0; i < size11; i++) {
          const either5 = eithers[i];
          if (either5._tag === "Left") {
            errors[i] = some2(either5.left);
            errored = true;
          } else {
            successes[i] = either5.right;
            errors[i] = none9;
          }
        }
        if (errored) {
          return reconcile._tag === "Some" ? fail2(reconcile.value(errors)) : fail2(errors);
        } else if (options3?.discard) {
          return void_;
        }
        return reconcile._tag === "Some" ? succeed(reconcile.value(successes)) : succeed(successes);
      });
    };
    allEither = (effects, reconcile, options3) => {
      const eitherEffects = [];
      for (const effect3 of effects) {
        eitherEffects.push(either2(effect3));
      }
      if (options3?.discard) {
        return forEach7(eitherEffects, identity, {
          concurrency: options3?.concurrency,
          batching: options3?.batching,
          discard: true,
          concurrentFinalizers: options3?.concurrentFinalizers
        });
      }
      return map11(forEach7(eitherEffects, identity, {
        concurrency: options3?.concurrency,
        batching: options3?.batching,
        concurrentFinalizers: options3?.concurrentFinalizers
      }), (eithers) => reconcile._tag === "Some" ? reconcile.value(eithers) : eithers);
    };
    all3 = (arg, options3) => {
      const [effects, reconcile] = allResolveInput(arg);
      if (options3?.mode === "validate") {
        return allValidate(effects, reconcile, options3);
      } else if (options3?.mode === "either") {
        return allEither(effects, reconcile, options3);
      }
      return options3?.discard !== true && reconcile._tag === "Some" ? map11(forEach7(effects, identity, options3), reconcile.value) : forEach7(effects, identity, options3);
    };
    forEach7 = /* @__PURE__ */ dual((args2) => isIterable(args2[0]), (self, f, options3) => withFiberRuntime((r) => {
      const isRequestBatchingEnabled = options3?.batching === true || options3?.batching === "inherit" && r.getFiberRef(currentRequestBatching);
      if (options3?.discard) {
        return match7(options3.concurrency, () => finalizersMaskInternal(sequential3, options3?.concurrentFinalizers)((restore) => isRequestBatchingEnabled ? forEachConcurrentDiscard(self, (a, i) => restore(f(a, i)), true, false, 1) : forEachSequentialDiscard(self, (a, i) => restore(f(a, i)))), () => finalizersMaskInternal(parallel3, options3?.concurrentFinalizers)((restore) => forEachConcurrentDiscard(self, (a, i) => restore(f(a, i)), isRequestBatchingEnabled, false)), (n2) => finalizersMaskInternal(parallelN2(n2), options3?.concurrentFinalizers)((restore) => forEachConcurrentDiscard(self, (a, i) => restore(f(a, i)), isRequestBatchingEnabled, false, n2)));
      }
      return match7(options3?.concurrency, () => finalizersMaskInternal(sequential3, options3?.concurrentFinalizers)((restore) => isRequestBatchingEnabled ? forEachParN(self, 1, (a, i) => restore(f(a, i)), true) : forEachSequential(self, (a, i) => restore(f(a, i)))), () => finalizersMaskInternal(parallel3, options3?.concurrentFinalizers)((restore) => forEachParUnbounded(self, (a, i) => restore(f(a, i)), isRequestBatchingEnabled)), (n2) => finalizersMaskInternal(parallelN2(n2), options3?.concurrentFinalizers)((restore) => forEachParN(self, n2, (a, i) => restore(f(a, i)), isRequestBatchingEnabled)));
    }));
    forEachParUnbounded = (self, f, batching) => suspend(() => {
      const as6 = fromIterable(self);
      const array4 = new Array(as6.length);
      const fn = (a, i) => flatMap7(f(a, i), (b) => sync(() => array4[i] = b));
      return zipRight(forEachConcurrentDiscard(as6, fn, batching, false), succeed(array4));
    });
    forEachConcurrentDiscard = (self, f, batching, processAll, n2) => uninterruptibleMask((restore) => transplant((graft) => withFiberRuntime((parent) => {
      let todos = Array.from(self).reverse();
      let target = todos.length;
      if (target === 0) {
        return void_;
      }
      let counter6 = 0;
      let interrupted2 = false;
      const fibersCount = n2 ? Math.min(todos.length, n2) : todos.length;
      const fibers = /* @__PURE__ */ new Set();
      const results = new Array();
      const interruptAll2 = () => fibers.forEach((fiber) => {
        fiber.currentScheduler.scheduleTask(() => {
          fiber.unsafeInterruptAsFork(parent.id());
        }, 0, fiber);
      });
      const startOrder = new Array();
      const joinOrder = new Array();
      const residual = new Array();
      const collectExits = () => {
        const exits = results.filter(({
          exit: exit4
        }) => exit4._tag === "Failure").sort((a, b) => a.index < b.index ? -1 : a.index === b.index ? 0 : 1).map(({
          exit: exit4
        }) => exit4);
        if (exits.length === 0) {
          exits.push(exitVoid);
        }
        return exits;
      };
      const runFiber = (eff, interruptImmediately = false) => {
        const runnable = uninterruptible(graft(eff));
        const fiber = unsafeForkUnstarted(runnable, parent, parent.currentRuntimeFlags, globalScope);
        parent.currentScheduler.scheduleTask(() => {
          if (interruptImmediately) {
            fiber.unsafeInterruptAsFork(parent.id());
          }
          fiber.resume(runnable);
        }, 0, fiber);
        return fiber;
      };
      const onInterruptSignal = () => {
        if (!processAll) {
          target -= todos.length;
          todos = [];
        }
        interrupted2 = true;
        interruptAll2();
      };
      const stepOrExit = batching ? step2 : exit;
      const processingFiber = runFiber(async_((resume2) => {
        const pushResult = (res, index) => {
          if (res._op === "Blocked") {
            residual.push(res);
          } else {
            results.push({
              index,
              exit: res
            });
            if (res._op === "Failure" && !interrupted2) {
              onInterruptSignal();
            }
          }
        };
        const next = () => {
          if (todos.length > 0) {
            const a = todos.pop();
            let index = counter6++;
            const returnNextElement = () => {
              const a2 = todos.pop();
              index = counter6++;
              return flatMap7(yieldNow(), () => flatMap7(stepOrExit(restore(f(a2, index))), onRes));
            };
            const onRes = (res) => {
              if (todos.length > 0) {
                pushResult(res, index);
                if (todos.length > 0) {
                  return returnNextElement();
                }
              }
              return succeed(res);
            };
            const todo = flatMap7(stepOrExit(restore(f(a, index))), onRes);
            const fiber = runFiber(todo);
            startOrder.push(fiber);
            fibers.add(fiber);
            if (interrupted2) {
              fiber.currentScheduler.scheduleTask(() => {
                fiber.unsafeInterruptAsFork(parent.id());
              }, 0, fiber);
            }
            fiber.addObserver((wrapped) => {
              let exit4;
              if (wrapped._op === "Failure") {
                exit4 = wrapped;
              } else {
                exit4 = wrapped.effect_instruction_i0;
              }
              joinOrder.push(fiber);
              fibers.delete(fiber);
              pushResult(exit4, index);
              if (results.length === target) {
                resume2(succeed(getOrElse(exitCollectAll(collectExits(), {
                  parallel: true
                }), () => exitVoid)));
              } else if (residual.length + results.length === target) {
                const exits = collectExits();
                const requests = residual.map((blocked2) => blocked2.effect_instruction_i0).reduce(par);
                resume2(succeed(blocked(requests, forEachConcurrentDiscard([getOrElse(exitCollectAll(exits, {
                  parallel: true
                }), () => exitVoid), ...residual.map((blocked2) => blocked2.effect_instruction_i1)], (i) => i, batching, true, n2))));
              } else {
                next();
              }
            });
          }
        };
        for (let i = 0; i < fibersCount; i++) {
          next();
        }
      }));
      return asVoid(onExit(flatten3(restore(join2(processingFiber))), exitMatch({
        onFailure: (cause2) => {
          onInterruptSignal();
          const target2 = residual.length + 1;
          const concurrency = Math.min(typeof n2 === "number" ? n2 : residual.length, residual.length);
          const toPop = Array.from(residual);
          return async_((cb) => {
            const exits = [];
            let count2 = 0;
            let index = 0;
            const check2 = (index2, hitNext) => (exit4) => {
              exits[index2] = exit4;
              count2++;
              if (count2 === target2) {
                cb(exitSucceed(exitFailCause(cause2)));
              }
              if (toPop.length > 0 && hitNext) {
                next();
              }
            };
            const next = () => {
              runFiber(toPop.pop(), true).addObserver(check2(index, true));
              index++;
            };
            processingFiber.addObserver(check2(index, false));
            index++;
            for (let i = 0; i < concurrency; i++) {
              next();
            }
          });
        },
        onSuccess: () => forEachSequential(joinOrder, (f2) => f2.inheritAll)
      })));
    })));
    forEachParN = (self, n2, f, batching) => suspend(() => {
      const as6 = fromIterable(self);
      const array4 = new Array(as6.length);
      const fn = (a, i) => map11(f(a, i), (b) => array4[i] = b);
      return zipRight(forEachConcurrentDiscard(as6, fn, batching, false, n2), succeed(array4));
    });
    forkDaemon = (self) => forkWithScopeOverride(self, globalScope);
    unsafeFork2 = (effect3, parentFiber, parentRuntimeFlags, overrideScope = null) => {
      const childFiber = unsafeMakeChildFiber(effect3, parentFiber, parentRuntimeFlags, overrideScope);
      childFiber.resume(effect3);
      return childFiber;
    };
    unsafeForkUnstarted = (effect3, parentFiber, parentRuntimeFlags, overrideScope = null) => {
      const childFiber = unsafeMakeChildFiber(effect3, parentFiber, parentRuntimeFlags, overrideScope);
      return childFiber;
    };
    unsafeMakeChildFiber = (effect3, parentFiber, parentRuntimeFlags, overrideScope = null) => {
      const childId = unsafeMake2();
      const parentFiberRefs = parentFiber.getFiberRefs();
      const childFiberRefs = forkAs(parentFiberRefs, childId);
      const childFiber = new FiberRuntime(childId, childFiberRefs, parentRuntimeFlags);
      const childContext = getOrDefault(childFiberRefs, currentContext);
      const supervisor = childFiber.currentSupervisor;
      supervisor.onStart(childContext, effect3, some2(parentFiber), childFiber);
      childFiber.addObserver((exit4) => supervisor.onEnd(exit4, childFiber));
      const parentScope = overrideScope !== null ? overrideScope : pipe(parentFiber.getFiberRef(currentForkScopeOverride), getOrElse(() => parentFiber.scope()));
      parentScope.add(parentRuntimeFlags, childFiber);
      return childFiber;
    };
    forkWithScopeOverride = (self, scopeOverride) => withFiberRuntime((parentFiber, parentStatus) => succeed(unsafeFork2(self, parentFiber, parentStatus.runtimeFlags, scopeOverride)));
    parallelFinalizers = (self) => contextWithEffect((context5) => match2(getOption2(context5, scopeTag), {
      onNone: () => self,
      onSome: (scope4) => {
        switch (scope4.strategy._tag) {
          case "Parallel":
            return self;
          case "Sequential":
          case "ParallelN":
            return flatMap7(scopeFork(scope4, parallel3), (inner) => scopeExtend(self, inner));
        }
      }
    }));
    parallelNFinalizers = (parallelism) => (self) => contextWithEffect((context5) => match2(getOption2(context5, scopeTag), {
      onNone: () => self,
      onSome: (scope4) => {
        if (scope4.strategy._tag === "ParallelN" && scope4.strategy.parallelism === parallelism) {
          return self;
        }
        return flatMap7(scopeFork(scope4, parallelN2(parallelism)), (inner) => scopeExtend(self, inner));
      }
    }));
    finalizersMaskInternal = (strategy, concurrentFinalizers) => (self) => contextWithEffect((context5) => match2(getOption2(context5, scopeTag), {
      onNone: () => self(identity),
      onSome: (scope4) => {
        if (concurrentFinalizers === true) {
          const patch11 = strategy._tag === "Parallel" ? parallelFinalizers : strategy._tag === "Sequential" ? sequentialFinalizers : parallelNFinalizers(strategy.parallelism);
          switch (scope4.strategy._tag) {
            case "Parallel":
              return patch11(self(parallelFinalizers));
            case "Sequential":
              return patch11(self(sequentialFinalizers));
            case "ParallelN":
              return patch11(self(parallelNFinalizers(scope4.strategy.parallelism)));
          }
        } else {
          return self(identity);
        }
      }
    }));
    scopeWith = (f) => flatMap7(scopeTag, f);
    scopedWith = (f) => flatMap7(scopeMake(), (scope4) => onExit(f(scope4), (exit4) => scope4.close(exit4)));
    scopedEffect = (effect3) => flatMap7(scopeMake(), (scope4) => scopeUse(effect3, scope4));
    sequentialFinalizers = (self) => contextWithEffect((context5) => match2(getOption2(context5, scopeTag), {
      onNone: () => self,
      onSome: (scope4) => {
        switch (scope4.strategy._tag) {
          case "Sequential":
            return self;
          case "Parallel":
          case "ParallelN":
            return flatMap7(scopeFork(scope4, sequential3), (inner) => scopeExtend(self, inner));
        }
      }
    }));
    zipOptions = /* @__PURE__ */ dual((args2) => isEffect(args2[1]), (self, that, options3) => zipWithOptions(self, that, (a, b) => [a, b], options3));
    zipLeftOptions = /* @__PURE__ */ dual((args2) => isEffect(args2[1]), (self, that, options3) => {
      if (options3?.concurrent !== true && (options3?.batching === void 0 || options3.batching === false)) {
        return zipLeft(self, that);
      }
      return zipWithOptions(self, that, (a, _) => a, options3);
    });
    zipRightOptions = /* @__PURE__ */ dual((args2) => isEffect(args2[1]), (self, that, options3) => {
      if (options3?.concurrent !== true && (options3?.batching === void 0 || options3.batching === false)) {
        return zipRight(self, that);
      }
      return zipWithOptions(self, that, (_, b) => b, options3);
    });
    zipWithOptions = /* @__PURE__ */ dual((args2) => isEffect(args2[1]), (self, that, f, options3) => map11(all3([self, that], {
      concurrency: options3?.concurrent ? 2 : 1,
      batching: options3?.batching,
      concurrentFinalizers: options3?.concurrentFinalizers
    }), ([a, a2]) => f(a, a2)));
    scopeTag = /* @__PURE__ */ GenericTag("effect/Scope");
    scope = scopeTag;
    scopeUnsafeAddFinalizer = (scope4, fin) => {
      if (scope4.state._tag === "Open") {
        scope4.state.finalizers.set({}, fin);
      }
    };
    ScopeImplProto = {
      [ScopeTypeId]: ScopeTypeId,
      [CloseableScopeTypeId]: CloseableScopeTypeId,
      pipe() {
        return pipeArguments(this, arguments);
      },
      fork(strategy) {
        return sync(() => {
          const newScope = scopeUnsafeMake(strategy);
          if (this.state._tag === "Closed") {
            newScope.state = this.state;
            return newScope;
          }
          const key = {};
          const fin = (exit4) => newScope.close(exit4);
          this.state.finalizers.set(key, fin);
          scopeUnsafeAddFinalizer(newScope, (_) => sync(() => {
            if (this.state._tag === "Open") {
              this.state.finalizers.delete(key);
            }
          }));
          return newScope;
        });
      },
      close(exit4) {
        return suspend(() => {
          if (this.state._tag === "Closed") {
            return void_;
          }
          const finalizers = Array.from(this.state.finalizers.values()).reverse();
          this.state = {
            _tag: "Closed",
            exit: exit4
          };
          if (finalizers.length === 0) {
            return void_;
          }
          return isSequential(this.strategy) ? pipe(forEachSequential(finalizers, (fin) => exit(fin(exit4))), flatMap7((results) => pipe(exitCollectAll(results), map2(exitAsVoid), getOrElse(() => exitVoid)))) : isParallel(this.strategy) ? pipe(forEachParUnbounded(finalizers, (fin) => exit(fin(exit4)), false), flatMap7((results) => pipe(exitCollectAll(results, {
            parallel: true
          }), map2(exitAsVoid), getOrElse(() => exitVoid)))) : pipe(forEachParN(finalizers, this.strategy.parallelism, (fin) => exit(fin(exit4)), false), flatMap7((results) => pipe(exitCollectAll(results, {
            parallel: true
          }), map2(exitAsVoid), getOrElse(() => exitVoid))));
        });
      },
      addFinalizer(fin) {
        return suspend(() => {
          if (this.state._tag === "Closed") {
            return fin(this.state.exit);
          }
          this.state.finalizers.set({}, fin);
          return void_;
        });
      }
    };
    scopeUnsafeMake = (strategy = sequential2) => {
      const scope4 = Object.create(ScopeImplProto);
      scope4.strategy = strategy;
      scope4.state = {
        _tag: "Open",
        finalizers: /* @__PURE__ */ new Map()
      };
      return scope4;
    };
    scopeMake = (strategy = sequential2) => sync(() => scopeUnsafeMake(strategy));
    scopeExtend = /* @__PURE__ */ dual(2, (effect3, scope4) => mapInputContext(
      effect3,
      // @ts-expect-error
      merge3(make9(scopeTag, scope4))
    ));
    scopeUse = /* @__PURE__ */ dual(2, (effect3, scope4) => pipe(effect3, scopeExtend(scope4), onExit((exit4) => scope4.close(exit4))));
    fiberRefUnsafeMakeSupervisor = (initial) => fiberRefUnsafeMakePatch(initial, {
      differ: differ2,
      fork: empty22
    });
    currentRuntimeFlags = /* @__PURE__ */ fiberRefUnsafeMakeRuntimeFlags(none5);
    currentSupervisor = /* @__PURE__ */ fiberRefUnsafeMakeSupervisor(none7);
    raceWith = /* @__PURE__ */ dual(3, (self, other, options3) => raceFibersWith(self, other, {
      onSelfWin: (winner, loser) => flatMap7(winner.await, (exit4) => {
        switch (exit4._tag) {
          case OP_SUCCESS: {
            return flatMap7(winner.inheritAll, () => options3.onSelfDone(exit4, loser));
          }
          case OP_FAILURE: {
            return options3.onSelfDone(exit4, loser);
          }
        }
      }),
      onOtherWin: (winner, loser) => flatMap7(winner.await, (exit4) => {
        switch (exit4._tag) {
          case OP_SUCCESS: {
            return flatMap7(winner.inheritAll, () => options3.onOtherDone(exit4, loser));
          }
          case OP_FAILURE: {
            return options3.onOtherDone(exit4, loser);
          }
        }
      })
    }));
    race = /* @__PURE__ */ dual(2, (self, that) => fiberIdWith((parentFiberId) => raceWith(self, that, {
      onSelfDone: (exit4, right3) => exitMatchEffect(exit4, {
        onFailure: (cause2) => pipe(join2(right3), mapErrorCause((cause22) => parallel(cause2, cause22))),
        onSuccess: (value2) => pipe(right3, interruptAsFiber(parentFiberId), as(value2))
      }),
      onOtherDone: (exit4, left3) => exitMatchEffect(exit4, {
        onFailure: (cause2) => pipe(join2(left3), mapErrorCause((cause22) => parallel(cause22, cause2))),
        onSuccess: (value2) => pipe(left3, interruptAsFiber(parentFiberId), as(value2))
      })
    })));
    raceFibersWith = /* @__PURE__ */ dual(3, (self, other, options3) => withFiberRuntime((parentFiber, parentStatus) => {
      const parentRuntimeFlags = parentStatus.runtimeFlags;
      const raceIndicator = make11(true);
      const leftFiber = unsafeMakeChildFiber(self, parentFiber, parentRuntimeFlags, options3.selfScope);
      const rightFiber = unsafeMakeChildFiber(other, parentFiber, parentRuntimeFlags, options3.otherScope);
      return async_((cb) => {
        leftFiber.addObserver(() => completeRace(leftFiber, rightFiber, options3.onSelfWin, raceIndicator, cb));
        rightFiber.addObserver(() => completeRace(rightFiber, leftFiber, options3.onOtherWin, raceIndicator, cb));
        leftFiber.startFork(self);
        rightFiber.startFork(other);
      }, combine3(leftFiber.id(), rightFiber.id()));
    }));
    completeRace = (winner, loser, cont, ab, cb) => {
      if (compareAndSet(true, false)(ab)) {
        cb(cont(winner, loser));
      }
    };
    ensuring = /* @__PURE__ */ dual(2, (self, finalizer2) => uninterruptibleMask((restore) => matchCauseEffect(restore(self), {
      onFailure: (cause1) => matchCauseEffect(finalizer2, {
        onFailure: (cause2) => failCause(sequential(cause1, cause2)),
        onSuccess: () => failCause(cause1)
      }),
      onSuccess: (a) => as(finalizer2, a)
    })));
    invokeWithInterrupt = (self, entries2, onInterrupt3) => fiberIdWith((id2) => ensuring(flatMap7(forkDaemon(interruptible2(self)), (processing) => async_((cb) => {
      const counts = entries2.map((_) => _.listeners.count);
      const checkDone = () => {
        if (counts.every((count2) => count2 === 0)) {
          if (entries2.every((_) => {
            if (_.result.state.current._tag === "Pending") {
              return true;
            } else if (_.result.state.current._tag === "Done" && exitIsExit(_.result.state.current.effect) && _.result.state.current.effect._tag === "Failure" && isInterrupted(_.result.state.current.effect.cause)) {
              return true;
            } else {
              return false;
            }
          })) {
            cleanup.forEach((f) => f());
            onInterrupt3?.();
            cb(interruptFiber(processing));
          }
        }
      };
      processing.addObserver((exit4) => {
        cleanup.forEach((f) => f());
        cb(exit4);
      });
      const cleanup = entries2.map((r, i) => {
        const observer = (count2) => {
          counts[i] = count2;
          checkDone();
        };
        r.listeners.addObserver(observer);
        return () => r.listeners.removeObserver(observer);
      });
      checkDone();
      return sync(() => {
        cleanup.forEach((f) => f());
      });
    })), suspend(() => {
      const residual = entries2.flatMap((entry) => {
        if (!entry.state.completed) {
          return [entry];
        }
        return [];
      });
      return forEachSequentialDiscard(residual, (entry) => complete(entry.request, exitInterrupt(id2)));
    })));
  }
});

// node_modules/effect/dist/esm/Cause.js
var fail4, die4, interrupt3, isFailType2, isDieType2, isInterrupted2, isInterruptedOnly2, interruptors2, failureOrCause2, flipCauseOption2, map14, pretty2;
var init_Cause = __esm({
  "node_modules/effect/dist/esm/Cause.js"() {
    init_cause2();
    fail4 = fail;
    die4 = die;
    interrupt3 = interrupt;
    isFailType2 = isFailType;
    isDieType2 = isDieType;
    isInterrupted2 = isInterrupted;
    isInterruptedOnly2 = isInterruptedOnly;
    interruptors2 = interruptors;
    failureOrCause2 = failureOrCause;
    flipCauseOption2 = flipCauseOption;
    map14 = map9;
    pretty2 = pretty;
  }
});

// node_modules/effect/dist/esm/internal/schedule/interval.js
var IntervalSymbolKey, IntervalTypeId, empty24, make31, lessThan2, min2, isEmpty6, intersect, after;
var init_interval = __esm({
  "node_modules/effect/dist/esm/internal/schedule/interval.js"() {
    init_Function();
    IntervalSymbolKey = "effect/ScheduleInterval";
    IntervalTypeId = /* @__PURE__ */ Symbol.for(IntervalSymbolKey);
    empty24 = {
      [IntervalTypeId]: IntervalTypeId,
      startMillis: 0,
      endMillis: 0
    };
    make31 = (startMillis, endMillis) => {
      if (startMillis > endMillis) {
        return empty24;
      }
      return {
        [IntervalTypeId]: IntervalTypeId,
        startMillis,
        endMillis
      };
    };
    lessThan2 = /* @__PURE__ */ dual(2, (self, that) => min2(self, that) === self);
    min2 = /* @__PURE__ */ dual(2, (self, that) => {
      if (self.endMillis <= that.startMillis) return self;
      if (that.endMillis <= self.startMillis) return that;
      if (self.startMillis < that.startMillis) return self;
      if (that.startMillis < self.startMillis) return that;
      if (self.endMillis <= that.endMillis) return self;
      return that;
    });
    isEmpty6 = (self) => {
      return self.startMillis >= self.endMillis;
    };
    intersect = /* @__PURE__ */ dual(2, (self, that) => {
      const start3 = Math.max(self.startMillis, that.startMillis);
      const end5 = Math.min(self.endMillis, that.endMillis);
      return make31(start3, end5);
    });
    after = (startMilliseconds) => {
      return make31(startMilliseconds, Number.POSITIVE_INFINITY);
    };
  }
});

// node_modules/effect/dist/esm/ScheduleInterval.js
var empty25, lessThan3, isEmpty7, intersect2, after2;
var init_ScheduleInterval = __esm({
  "node_modules/effect/dist/esm/ScheduleInterval.js"() {
    init_interval();
    empty25 = empty24;
    lessThan3 = lessThan2;
    isEmpty7 = isEmpty6;
    intersect2 = intersect;
    after2 = after;
  }
});

// node_modules/effect/dist/esm/internal/schedule/intervals.js
var IntervalsSymbolKey, IntervalsTypeId, make33, intersect3, intersectLoop, start, end, lessThan4, isNonEmpty3;
var init_intervals = __esm({
  "node_modules/effect/dist/esm/internal/schedule/intervals.js"() {
    init_Chunk();
    init_Function();
    init_Option();
    init_ScheduleInterval();
    IntervalsSymbolKey = "effect/ScheduleIntervals";
    IntervalsTypeId = /* @__PURE__ */ Symbol.for(IntervalsSymbolKey);
    make33 = (intervals) => {
      return {
        [IntervalsTypeId]: IntervalsTypeId,
        intervals
      };
    };
    intersect3 = /* @__PURE__ */ dual(2, (self, that) => intersectLoop(self.intervals, that.intervals, empty2()));
    intersectLoop = (_left, _right, _acc) => {
      let left3 = _left;
      let right3 = _right;
      let acc = _acc;
      while (isNonEmpty(left3) && isNonEmpty(right3)) {
        const interval = pipe(headNonEmpty2(left3), intersect2(headNonEmpty2(right3)));
        const intervals = isEmpty7(interval) ? acc : pipe(acc, prepend2(interval));
        if (pipe(headNonEmpty2(left3), lessThan3(headNonEmpty2(right3)))) {
          left3 = tailNonEmpty2(left3);
        } else {
          right3 = tailNonEmpty2(right3);
        }
        acc = intervals;
      }
      return make33(reverse2(acc));
    };
    start = (self) => {
      return pipe(self.intervals, head2, getOrElse(() => empty25)).startMillis;
    };
    end = (self) => {
      return pipe(self.intervals, head2, getOrElse(() => empty25)).endMillis;
    };
    lessThan4 = /* @__PURE__ */ dual(2, (self, that) => start(self) < start(that));
    isNonEmpty3 = (self) => {
      return isNonEmpty(self.intervals);
    };
  }
});

// node_modules/effect/dist/esm/ScheduleIntervals.js
var make34, intersect4, start2, end2, lessThan5, isNonEmpty4;
var init_ScheduleIntervals = __esm({
  "node_modules/effect/dist/esm/ScheduleIntervals.js"() {
    init_intervals();
    make34 = make33;
    intersect4 = intersect3;
    start2 = start;
    end2 = end;
    lessThan5 = lessThan4;
    isNonEmpty4 = isNonEmpty3;
  }
});

// node_modules/effect/dist/esm/internal/schedule/decision.js
var OP_CONTINUE, OP_DONE2, _continue, continueWith, done4, isContinue, isDone3;
var init_decision = __esm({
  "node_modules/effect/dist/esm/internal/schedule/decision.js"() {
    init_Chunk();
    init_ScheduleIntervals();
    OP_CONTINUE = "Continue";
    OP_DONE2 = "Done";
    _continue = (intervals) => {
      return {
        _tag: OP_CONTINUE,
        intervals
      };
    };
    continueWith = (interval) => {
      return {
        _tag: OP_CONTINUE,
        intervals: make34(of2(interval))
      };
    };
    done4 = {
      _tag: OP_DONE2
    };
    isContinue = (self) => {
      return self._tag === OP_CONTINUE;
    };
    isDone3 = (self) => {
      return self._tag === OP_DONE2;
    };
  }
});

// node_modules/effect/dist/esm/ScheduleDecision.js
var _continue2, continueWith2, done5, isContinue2, isDone4;
var init_ScheduleDecision = __esm({
  "node_modules/effect/dist/esm/ScheduleDecision.js"() {
    init_decision();
    _continue2 = _continue;
    continueWith2 = continueWith;
    done5 = done4;
    isContinue2 = isContinue;
    isDone4 = isDone3;
  }
});

// node_modules/effect/dist/esm/Scope.js
var addFinalizer2, addFinalizerExit, close, extend2, fork, make35;
var init_Scope = __esm({
  "node_modules/effect/dist/esm/Scope.js"() {
    init_core();
    init_fiberRuntime();
    addFinalizer2 = scopeAddFinalizer;
    addFinalizerExit = scopeAddFinalizerExit;
    close = scopeClose;
    extend2 = scopeExtend;
    fork = scopeFork;
    make35 = scopeMake;
  }
});

// node_modules/effect/dist/esm/internal/effect/circular.js
var Semaphore, unsafeMakeSemaphore, makeSemaphore, forkIn, memoKeySymbol, Key, raceFirst, timeout, timeoutFail, timeoutTo, SynchronizedSymbolKey, SynchronizedTypeId, synchronizedVariance, SynchronizedImpl, makeSynchronized, unsafeMakeSynchronized;
var init_circular = __esm({
  "node_modules/effect/dist/esm/internal/effect/circular.js"() {
    init_Effectable();
    init_Equal();
    init_Function();
    init_Hash();
    init_Predicate();
    init_Readable();
    init_Scheduler();
    init_core_effect();
    init_core();
    init_fiberRuntime();
    init_fiberScope();
    init_ref();
    Semaphore = class {
      permits;
      waiters = /* @__PURE__ */ new Set();
      taken = 0;
      constructor(permits) {
        this.permits = permits;
      }
      get free() {
        return this.permits - this.taken;
      }
      take = (n2) => asyncInterrupt((resume2) => {
        if (this.free < n2) {
          const observer = () => {
            if (this.free < n2) return;
            this.waiters.delete(observer);
            resume2(suspend(() => {
              if (this.free < n2) return this.take(n2);
              this.taken += n2;
              return succeed(n2);
            }));
          };
          this.waiters.add(observer);
          return sync(() => {
            this.waiters.delete(observer);
          });
        }
        resume2(suspend(() => {
          if (this.free < n2) return this.take(n2);
          this.taken += n2;
          return succeed(n2);
        }));
      });
      updateTakenUnsafe(fiber, f) {
        this.taken = f(this.taken);
        if (this.waiters.size > 0) {
          fiber.getFiberRef(currentScheduler).scheduleTask(() => {
            const iter = this.waiters.values();
            let item = iter.next();
            while (item.done === false && this.free > 0) {
              item.value();
              item = iter.next();
            }
          }, fiber.getFiberRef(currentSchedulingPriority), fiber);
        }
        return succeed(this.free);
      }
      updateTaken(f) {
        return withFiberRuntime((fiber) => this.updateTakenUnsafe(fiber, f));
      }
      resize = (permits) => asVoid(withFiberRuntime((fiber) => {
        this.permits = permits;
        if (this.free < 0) {
          return void_;
        }
        return this.updateTakenUnsafe(fiber, (taken) => taken);
      }));
      release = (n2) => this.updateTaken((taken) => taken - n2);
      releaseAll = /* @__PURE__ */ this.updateTaken((_) => 0);
      withPermits = (n2) => (self) => uninterruptibleMask((restore) => flatMap7(restore(this.take(n2)), (permits) => ensuring(restore(self), this.release(permits))));
      withPermitsIfAvailable = (n2) => (self) => uninterruptibleMask((restore) => suspend(() => {
        if (this.free < n2) {
          return succeedNone;
        }
        this.taken += n2;
        return ensuring(restore(asSome(self)), this.release(n2));
      }));
    };
    unsafeMakeSemaphore = (permits) => new Semaphore(permits);
    makeSemaphore = (permits) => sync(() => unsafeMakeSemaphore(permits));
    forkIn = /* @__PURE__ */ dual(2, (self, scope4) => withFiberRuntime((parent, parentStatus) => {
      const scopeImpl = scope4;
      const fiber = unsafeFork2(self, parent, parentStatus.runtimeFlags, globalScope);
      if (scopeImpl.state._tag === "Open") {
        const finalizer2 = () => fiberIdWith((fiberId2) => equals(fiberId2, fiber.id()) ? void_ : asVoid(interruptFiber(fiber)));
        const key = {};
        scopeImpl.state.finalizers.set(key, finalizer2);
        fiber.addObserver(() => {
          if (scopeImpl.state._tag === "Closed") return;
          scopeImpl.state.finalizers.delete(key);
        });
      } else {
        fiber.unsafeInterruptAsFork(parent.id());
      }
      return succeed(fiber);
    }));
    memoKeySymbol = /* @__PURE__ */ Symbol.for("effect/Effect/memoizeFunction.key");
    Key = class {
      a;
      eq;
      [memoKeySymbol] = memoKeySymbol;
      constructor(a, eq) {
        this.a = a;
        this.eq = eq;
      }
      [symbol2](that) {
        if (hasProperty(that, memoKeySymbol)) {
          if (this.eq) {
            return this.eq(this.a, that.a);
          } else {
            return equals(this.a, that.a);
          }
        }
        return false;
      }
      [symbol]() {
        return this.eq ? 0 : cached(this, hash(this.a));
      }
    };
    raceFirst = /* @__PURE__ */ dual(2, (self, that) => pipe(exit(self), race(exit(that)), (effect3) => flatten3(effect3)));
    timeout = /* @__PURE__ */ dual(2, (self, duration) => timeoutFail(self, {
      onTimeout: () => timeoutExceptionFromDuration(duration),
      duration
    }));
    timeoutFail = /* @__PURE__ */ dual(2, (self, {
      duration,
      onTimeout
    }) => flatten3(timeoutTo(self, {
      onTimeout: () => failSync(onTimeout),
      onSuccess: succeed,
      duration
    })));
    timeoutTo = /* @__PURE__ */ dual(2, (self, {
      duration,
      onSuccess,
      onTimeout
    }) => fiberIdWith((parentFiberId) => uninterruptibleMask((restore) => raceFibersWith(exit(restore(self)), interruptible2(sleep3(duration)), {
      onSelfWin: (winner, loser) => flatMap7(winner.await, (exit4) => {
        const selfExit = exitFlatten(exit4);
        if (selfExit._tag === "Success") {
          return flatMap7(winner.inheritAll, () => as(interruptAsFiber(loser, parentFiberId), onSuccess(selfExit.value)));
        } else {
          return flatMap7(interruptAsFiber(loser, parentFiberId), () => exitFailCause(selfExit.cause));
        }
      }),
      onOtherWin: (winner, loser) => flatMap7(winner.await, (exit4) => {
        if (exit4._tag === "Success") {
          return flatMap7(winner.inheritAll, () => as(interruptAsFiber(loser, parentFiberId), onTimeout()));
        } else {
          return flatMap7(interruptAsFiber(loser, parentFiberId), () => exitFailCause(exit4.cause));
        }
      }),
      otherScope: globalScope
    }))));
    SynchronizedSymbolKey = "effect/Ref/SynchronizedRef";
    SynchronizedTypeId = /* @__PURE__ */ Symbol.for(SynchronizedSymbolKey);
    synchronizedVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    SynchronizedImpl = class extends Class2 {
      ref;
      withLock;
      [SynchronizedTypeId] = synchronizedVariance;
      [RefTypeId] = refVariance;
      [TypeId10] = TypeId10;
      constructor(ref, withLock) {
        super();
        this.ref = ref;
        this.withLock = withLock;
        this.get = get10(this.ref);
      }
      get;
      commit() {
        return this.get;
      }
      modify(f) {
        return this.modifyEffect((a) => succeed(f(a)));
      }
      modifyEffect(f) {
        return this.withLock(pipe(flatMap7(get10(this.ref), f), flatMap7(([b, a]) => as(set4(this.ref, a), b))));
      }
    };
    makeSynchronized = (value2) => sync(() => unsafeMakeSynchronized(value2));
    unsafeMakeSynchronized = (value2) => {
      const ref = unsafeMake4(value2);
      const sem = unsafeMakeSemaphore(1);
      return new SynchronizedImpl(ref, sem.withPermits(1));
    };
  }
});

// node_modules/effect/dist/esm/internal/managedRuntime/circular.js
var TypeId13;
var init_circular2 = __esm({
  "node_modules/effect/dist/esm/internal/managedRuntime/circular.js"() {
    TypeId13 = /* @__PURE__ */ Symbol.for("effect/ManagedRuntime");
  }
});

// node_modules/effect/dist/esm/internal/opCodes/layer.js
var OP_FRESH, OP_FROM_EFFECT, OP_SUSPEND, OP_PROVIDE, OP_PROVIDE_MERGE, OP_MERGE_ALL;
var init_layer = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/layer.js"() {
    OP_FRESH = "Fresh";
    OP_FROM_EFFECT = "FromEffect";
    OP_SUSPEND = "Suspend";
    OP_PROVIDE = "Provide";
    OP_PROVIDE_MERGE = "ProvideMerge";
    OP_MERGE_ALL = "MergeAll";
  }
});

// node_modules/effect/dist/esm/Fiber.js
var _await2, inheritAll2, interrupt4, interruptAs, join3;
var init_Fiber = __esm({
  "node_modules/effect/dist/esm/Fiber.js"() {
    init_core();
    init_fiber();
    _await2 = _await;
    inheritAll2 = inheritAll;
    interrupt4 = interruptFiber;
    interruptAs = interruptAsFiber;
    join3 = join2;
  }
});

// node_modules/effect/dist/esm/internal/runtime.js
var makeDual, unsafeFork3, unsafeRunSync, AsyncFiberExceptionImpl, asyncFiberException, FiberFailureId, FiberFailureCauseId, FiberFailureImpl, fiberFailure, fastPath, unsafeRunSyncExit, unsafeRunPromise, unsafeRunPromiseExit, RuntimeImpl, make36, runtime2, defaultRuntimeFlags, defaultRuntime, unsafeForkEffect, unsafeRunPromiseEffect, unsafeRunSyncEffect;
var init_runtime = __esm({
  "node_modules/effect/dist/esm/internal/runtime.js"() {
    init_Context();
    init_Equal();
    init_FiberId();
    init_FiberRefs();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Scheduler();
    init_Scope();
    init_cause2();
    init_core();
    init_executionStrategy();
    init_fiberRuntime();
    init_fiberScope();
    init_effect();
    init_runtimeFlags();
    init_stackTraceLimit();
    init_supervisor();
    makeDual = (f) => function() {
      if (arguments.length === 1) {
        const runtime4 = arguments[0];
        return (effect3, ...args2) => f(runtime4, effect3, ...args2);
      }
      return f.apply(this, arguments);
    };
    unsafeFork3 = /* @__PURE__ */ makeDual((runtime4, self, options3) => {
      const fiberId2 = unsafeMake2();
      const fiberRefUpdates = [[currentContext, [[fiberId2, runtime4.context]]]];
      if (options3?.scheduler) {
        fiberRefUpdates.push([currentScheduler, [[fiberId2, options3.scheduler]]]);
      }
      let fiberRefs3 = updateManyAs2(runtime4.fiberRefs, {
        entries: fiberRefUpdates,
        forkAs: fiberId2
      });
      if (options3?.updateRefs) {
        fiberRefs3 = options3.updateRefs(fiberRefs3, fiberId2);
      }
      const fiberRuntime = new FiberRuntime(fiberId2, fiberRefs3, runtime4.runtimeFlags);
      let effect3 = self;
      if (options3?.scope) {
        effect3 = flatMap7(fork(options3.scope, sequential2), (closeableScope) => zipRight(scopeAddFinalizer(closeableScope, fiberIdWith((id2) => equals(id2, fiberRuntime.id()) ? void_ : interruptAsFiber(fiberRuntime, id2))), onExit(self, (exit4) => close(closeableScope, exit4))));
      }
      const supervisor = fiberRuntime.currentSupervisor;
      if (supervisor !== none7) {
        supervisor.onStart(runtime4.context, effect3, none2(), fiberRuntime);
        fiberRuntime.addObserver((exit4) => supervisor.onEnd(exit4, fiberRuntime));
      }
      globalScope.add(runtime4.runtimeFlags, fiberRuntime);
      if (options3?.immediate === false) {
        fiberRuntime.resume(effect3);
      } else {
        fiberRuntime.start(effect3);
      }
      return fiberRuntime;
    });
    unsafeRunSync = /* @__PURE__ */ makeDual((runtime4, effect3) => {
      const result = unsafeRunSyncExit(runtime4)(effect3);
      if (result._tag === "Failure") {
        throw fiberFailure(result.effect_instruction_i0);
      }
      return result.effect_instruction_i0;
    });
    AsyncFiberExceptionImpl = class extends Error {
      fiber;
      _tag = "AsyncFiberException";
      constructor(fiber) {
        super(`Fiber #${fiber.id().id} cannot be resolved synchronously. This is caused by using runSync on an effect that performs async work`);
        this.fiber = fiber;
        this.name = this._tag;
        this.stack = this.message;
      }
    };
    asyncFiberException = (fiber) => {
      const limit = getStackTraceLimit();
      setStackTraceLimit(0);
      const error = new AsyncFiberExceptionImpl(fiber);
      setStackTraceLimit(limit);
      return error;
    };
    FiberFailureId = /* @__PURE__ */ Symbol.for("effect/Runtime/FiberFailure");
    FiberFailureCauseId = /* @__PURE__ */ Symbol.for("effect/Runtime/FiberFailure/Cause");
    FiberFailureImpl = class extends Error {
      [FiberFailureId];
      [FiberFailureCauseId];
      constructor(cause2) {
        const head7 = prettyErrors(cause2)[0];
        super(head7?.message || "An error has occurred");
        this[FiberFailureId] = FiberFailureId;
        this[FiberFailureCauseId] = cause2;
        this.name = head7 ? `(FiberFailure) ${head7.name}` : "FiberFailure";
        if (head7?.stack) {
          this.stack = head7.stack;
        }
      }
      toJSON() {
        return {
          _id: "FiberFailure",
          cause: this[FiberFailureCauseId].toJSON()
        };
      }
      toString() {
        return "(FiberFailure) " + pretty(this[FiberFailureCauseId], {
          renderErrorCause: true
        });
      }
      [NodeInspectSymbol]() {
        return this.toString();
      }
    };
    fiberFailure = (cause2) => {
      const limit = getStackTraceLimit();
      setStackTraceLimit(0);
      const error = new FiberFailureImpl(cause2);
      setStackTraceLimit(limit);
      return error;
    };
    fastPath = (effect3) => {
      const op = effect3;
      switch (op._op) {
        case "Failure":
        case "Success": {
          return op;
        }
        case "Left": {
          return exitFail(op.left);
        }
        case "Right": {
          return exitSucceed(op.right);
        }
        case "Some": {
          return exitSucceed(op.value);
        }
        case "None": {
          return exitFail(new NoSuchElementException());
        }
      }
    };
    unsafeRunSyncExit = /* @__PURE__ */ makeDual((runtime4, effect3) => {
      const op = fastPath(effect3);
      if (op) {
        return op;
      }
      const scheduler = new SyncScheduler();
      const fiberRuntime = unsafeFork3(runtime4)(effect3, {
        scheduler
      });
      scheduler.flush();
      const result = fiberRuntime.unsafePoll();
      if (result) {
        return result;
      }
      return exitDie(capture(asyncFiberException(fiberRuntime), currentSpanFromFiber(fiberRuntime)));
    });
    unsafeRunPromise = /* @__PURE__ */ makeDual((runtime4, effect3, options3) => unsafeRunPromiseExit(runtime4, effect3, options3).then((result) => {
      switch (result._tag) {
        case OP_SUCCESS: {
          return result.effect_instruction_i0;
        }
        case OP_FAILURE: {
          throw fiberFailure(result.effect_instruction_i0);
        }
      }
    }));
    unsafeRunPromiseExit = /* @__PURE__ */ makeDual((runtime4, effect3, options3) => new Promise((resolve) => {
      const op = fastPath(effect3);
      if (op) {
        resolve(op);
      }
      const fiber = unsafeFork3(runtime4)(effect3);
      fiber.addObserver((exit4) => {
        resolve(exit4);
      });
      if (options3?.signal !== void 0) {
        if (options3.signal.aborted) {
          fiber.unsafeInterruptAsFork(fiber.id());
        } else {
          const signal = options3.signal;
          const onAbort = () => {
            fiber.unsafeInterruptAsFork(fiber.id());
          };
          signal.addEventListener("abort", onAbort, {
            once: true
          });
          fiber.addObserver(() => {
            signal.removeEventListener("abort", onAbort);
          });
        }
      }
    }));
    RuntimeImpl = class {
      context;
      runtimeFlags;
      fiberRefs;
      constructor(context5, runtimeFlags2, fiberRefs3) {
        this.context = context5;
        this.runtimeFlags = runtimeFlags2;
        this.fiberRefs = fiberRefs3;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make36 = (options3) => new RuntimeImpl(options3.context, options3.runtimeFlags, options3.fiberRefs);
    runtime2 = () => withFiberRuntime((state, status2) => succeed(new RuntimeImpl(state.getFiberRef(currentContext), status2.runtimeFlags, state.getFiberRefs())));
    defaultRuntimeFlags = /* @__PURE__ */ make16(Interruption, CooperativeYielding, RuntimeMetrics);
    defaultRuntime = /* @__PURE__ */ make36({
      context: /* @__PURE__ */ empty8(),
      runtimeFlags: defaultRuntimeFlags,
      fiberRefs: /* @__PURE__ */ empty17()
    });
    unsafeForkEffect = /* @__PURE__ */ unsafeFork3(defaultRuntime);
    unsafeRunPromiseEffect = /* @__PURE__ */ unsafeRunPromise(defaultRuntime);
    unsafeRunSyncEffect = /* @__PURE__ */ unsafeRunSync(defaultRuntime);
  }
});

// node_modules/effect/dist/esm/internal/synchronizedRef.js
var modifyEffect;
var init_synchronizedRef = __esm({
  "node_modules/effect/dist/esm/internal/synchronizedRef.js"() {
    init_Function();
    modifyEffect = /* @__PURE__ */ dual(2, (self, f) => self.modifyEffect(f));
  }
});

// node_modules/effect/dist/esm/internal/layer.js
function fromEffectContext(effect3) {
  const fromEffect9 = Object.create(proto3);
  fromEffect9._op_layer = OP_FROM_EFFECT;
  fromEffect9.effect = effect3;
  return fromEffect9;
}
var LayerSymbolKey, LayerTypeId, layerVariance, proto3, MemoMapTypeIdKey, MemoMapTypeId, CurrentMemoMap, isLayer, isFresh, MemoMapImpl, makeMemoMap, unsafeMakeMemoMap, buildWithScope, buildWithMemoMap, makeBuilder, context2, fromEffect3, mergeAll3, succeed5, suspend3, provide, provideSomeLayer, provideSomeRuntime, effect_provide;
var init_layer2 = __esm({
  "node_modules/effect/dist/esm/internal/layer.js"() {
    init_Context();
    init_FiberRefsPatch();
    init_Function();
    init_Pipeable();
    init_Predicate();
    init_core_effect();
    init_core();
    init_circular();
    init_executionStrategy();
    init_fiberRuntime();
    init_circular2();
    init_effect();
    init_layer();
    init_ref();
    init_runtime();
    init_runtimeFlags();
    init_synchronizedRef();
    LayerSymbolKey = "effect/Layer";
    LayerTypeId = /* @__PURE__ */ Symbol.for(LayerSymbolKey);
    layerVariance = {
      /* c8 ignore next */
      _RIn: (_) => _,
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _ROut: (_) => _
    };
    proto3 = {
      [LayerTypeId]: layerVariance,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    MemoMapTypeIdKey = "effect/Layer/MemoMap";
    MemoMapTypeId = /* @__PURE__ */ Symbol.for(MemoMapTypeIdKey);
    CurrentMemoMap = /* @__PURE__ */ Reference2()("effect/Layer/CurrentMemoMap", {
      defaultValue: () => unsafeMakeMemoMap()
    });
    isLayer = (u) => hasProperty(u, LayerTypeId);
    isFresh = (self) => {
      return self._op_layer === OP_FRESH;
    };
    MemoMapImpl = class {
      ref;
      [MemoMapTypeId];
      constructor(ref) {
        this.ref = ref;
        this[MemoMapTypeId] = MemoMapTypeId;
      }
      /**
       * Checks the memo map to see if a layer exists. If it is, immediately
       * returns it. Otherwise, obtains the layer, stores it in the memo map,
       * and adds a finalizer to the `Scope`.
       */
      getOrElseMemoize(layer, scope4) {
        return pipe(modifyEffect(this.ref, (map22) => {
          const inMap = map22.get(layer);
          if (inMap !== void 0) {
            const [acquire, release] = inMap;
            const cached4 = pipe(acquire, flatMap7(([patch11, b]) => pipe(patchFiberRefs(patch11), as(b))), onExit(exitMatch({
              onFailure: () => void_,
              onSuccess: () => scopeAddFinalizerExit(scope4, release)
            })));
            return succeed([cached4, map22]);
          }
          return pipe(make23(0), flatMap7((observers) => pipe(deferredMake(), flatMap7((deferred) => pipe(make23(() => void_), map11((finalizerRef) => {
            const resource = uninterruptibleMask((restore) => pipe(scopeMake(), flatMap7((innerScope) => pipe(restore(flatMap7(makeBuilder(layer, innerScope, true), (f) => diffFiberRefs(f(this)))), exit, flatMap7((exit4) => {
              switch (exit4._tag) {
                case OP_FAILURE: {
                  return pipe(deferredFailCause(deferred, exit4.effect_instruction_i0), zipRight(scopeClose(innerScope, exit4)), zipRight(failCause(exit4.effect_instruction_i0)));
                }
                case OP_SUCCESS: {
                  return pipe(set4(finalizerRef, (exit5) => pipe(scopeClose(innerScope, exit5), whenEffect(modify3(observers, (n2) => [n2 === 1, n2 - 1])), asVoid)), zipRight(update2(observers, (n2) => n2 + 1)), zipRight(scopeAddFinalizerExit(scope4, (exit5) => pipe(sync(() => map22.delete(layer)), zipRight(get10(finalizerRef)), flatMap7((finalizer2) => finalizer2(exit5))))), zipRight(deferredSucceed(deferred, exit4.effect_instruction_i0)), as(exit4.effect_instruction_i0[1]));
                }
              }
            })))));
            const memoized = [pipe(deferredAwait(deferred), onExit(exitMatchEffect({
              onFailure: () => void_,
              onSuccess: () => update2(observers, (n2) => n2 + 1)
            }))), (exit4) => pipe(get10(finalizerRef), flatMap7((finalizer2) => finalizer2(exit4)))];
            return [resource, isFresh(layer) ? map22 : map22.set(layer, memoized)];
          }))))));
        }), flatten3);
      }
    };
    makeMemoMap = /* @__PURE__ */ suspend(() => map11(makeSynchronized(/* @__PURE__ */ new Map()), (ref) => new MemoMapImpl(ref)));
    unsafeMakeMemoMap = () => new MemoMapImpl(unsafeMakeSynchronized(/* @__PURE__ */ new Map()));
    buildWithScope = /* @__PURE__ */ dual(2, (self, scope4) => flatMap7(makeMemoMap, (memoMap) => buildWithMemoMap(self, memoMap, scope4)));
    buildWithMemoMap = /* @__PURE__ */ dual(3, (self, memoMap, scope4) => flatMap7(makeBuilder(self, scope4), (run3) => provideService(run3(memoMap), CurrentMemoMap, memoMap)));
    makeBuilder = (self, scope4, inMemoMap = false) => {
      const op = self;
      switch (op._op_layer) {
        case "Locally": {
          return sync(() => (memoMap) => op.f(memoMap.getOrElseMemoize(op.self, scope4)));
        }
        case "ExtendScope": {
          return sync(() => (memoMap) => scopeWith((scope5) => memoMap.getOrElseMemoize(op.layer, scope5)));
        }
        case "Fold": {
          return sync(() => (memoMap) => pipe(memoMap.getOrElseMemoize(op.layer, scope4), matchCauseEffect({
            onFailure: (cause2) => memoMap.getOrElseMemoize(op.failureK(cause2), scope4),
            onSuccess: (value2) => memoMap.getOrElseMemoize(op.successK(value2), scope4)
          })));
        }
        case "Fresh": {
          return sync(() => (_) => pipe(op.layer, buildWithScope(scope4)));
        }
        case "FromEffect": {
          return inMemoMap ? sync(() => (_) => op.effect) : sync(() => (memoMap) => memoMap.getOrElseMemoize(self, scope4));
        }
        case "Provide": {
          return sync(() => (memoMap) => pipe(memoMap.getOrElseMemoize(op.first, scope4), flatMap7((env) => pipe(memoMap.getOrElseMemoize(op.second, scope4), provideContext(env)))));
        }
        case "Scoped": {
          return inMemoMap ? sync(() => (_) => scopeExtend(op.effect, scope4)) : sync(() => (memoMap) => memoMap.getOrElseMemoize(self, scope4));
        }
        case "Suspend": {
          return sync(() => (memoMap) => memoMap.getOrElseMemoize(op.evaluate(), scope4));
        }
        case "ProvideMerge": {
          return sync(() => (memoMap) => pipe(memoMap.getOrElseMemoize(op.first, scope4), zipWith2(memoMap.getOrElseMemoize(op.second, scope4), op.zipK)));
        }
        case "ZipWith": {
          return gen(function* () {
            const parallelScope = yield* scopeFork(scope4, parallel2);
            const firstScope = yield* scopeFork(parallelScope, sequential2);
            const secondScope = yield* scopeFork(parallelScope, sequential2);
            return (memoMap) => pipe(memoMap.getOrElseMemoize(op.first, firstScope), zipWithOptions(memoMap.getOrElseMemoize(op.second, secondScope), op.zipK, {
              concurrent: true
            }));
          });
        }
        case "MergeAll": {
          const layers = op.layers;
          return map11(scopeFork(scope4, parallel2), (parallelScope) => (memoMap) => {
            const contexts = new Array(layers.length);
            return map11(forEachConcurrentDiscard(layers, fnUntraced(function* (layer, i) {
              const scope5 = yield* scopeFork(parallelScope, sequential2);
              const context5 = yield* memoMap.getOrElseMemoize(layer, scope5);
              contexts[i] = context5;
            }), false, false), () => mergeAll2(...contexts));
          });
        }
      }
    };
    context2 = () => fromEffectContext(context());
    fromEffect3 = /* @__PURE__ */ dual(2, (a, b) => {
      const tagFirst = isTag2(a);
      const tag2 = tagFirst ? a : b;
      const effect3 = tagFirst ? b : a;
      return fromEffectContext(map11(effect3, (service2) => make9(tag2, service2)));
    });
    mergeAll3 = (...layers) => {
      const mergeAll7 = Object.create(proto3);
      mergeAll7._op_layer = OP_MERGE_ALL;
      mergeAll7.layers = layers;
      return mergeAll7;
    };
    succeed5 = /* @__PURE__ */ dual(2, (a, b) => {
      const tagFirst = isTag2(a);
      const tag2 = tagFirst ? a : b;
      const resource = tagFirst ? b : a;
      return fromEffectContext(succeed(make9(tag2, resource)));
    });
    suspend3 = (evaluate3) => {
      const suspend8 = Object.create(proto3);
      suspend8._op_layer = OP_SUSPEND;
      suspend8.evaluate = evaluate3;
      return suspend8;
    };
    provide = /* @__PURE__ */ dual(2, (self, that) => suspend3(() => {
      const provideTo = Object.create(proto3);
      provideTo._op_layer = OP_PROVIDE;
      provideTo.first = Object.create(proto3, {
        _op_layer: {
          value: OP_PROVIDE_MERGE,
          enumerable: true
        },
        first: {
          value: context2(),
          enumerable: true
        },
        second: {
          value: Array.isArray(that) ? mergeAll3(...that) : that
        },
        zipK: {
          value: (a, b) => pipe(a, merge3(b))
        }
      });
      provideTo.second = self;
      return provideTo;
    }));
    provideSomeLayer = /* @__PURE__ */ dual(2, (self, layer) => scopedWith((scope4) => flatMap7(buildWithScope(layer, scope4), (context5) => provideSomeContext(self, context5))));
    provideSomeRuntime = /* @__PURE__ */ dual(2, (self, rt) => {
      const patchRefs = diff6(defaultRuntime.fiberRefs, rt.fiberRefs);
      const patchFlags = diff4(defaultRuntime.runtimeFlags, rt.runtimeFlags);
      return uninterruptibleMask((restore) => withFiberRuntime((fiber) => {
        const oldContext = fiber.getFiberRef(currentContext);
        const oldRefs = fiber.getFiberRefs();
        const newRefs = patch7(fiber.id(), oldRefs)(patchRefs);
        const oldFlags = fiber.currentRuntimeFlags;
        const newFlags = patch4(patchFlags)(oldFlags);
        const rollbackRefs = diff6(newRefs, oldRefs);
        const rollbackFlags = diff4(newFlags, oldFlags);
        fiber.setFiberRefs(newRefs);
        fiber.currentRuntimeFlags = newFlags;
        return ensuring(provideSomeContext(restore(self), merge3(oldContext, rt.context)), withFiberRuntime((fiber2) => {
          fiber2.setFiberRefs(patch7(fiber2.id(), fiber2.getFiberRefs())(rollbackRefs));
          fiber2.currentRuntimeFlags = patch4(rollbackFlags)(fiber2.currentRuntimeFlags);
          return void_;
        }));
      }));
    });
    effect_provide = /* @__PURE__ */ dual(2, (self, source) => {
      if (Array.isArray(source)) {
        return provideSomeLayer(self, mergeAll3(...source));
      } else if (isLayer(source)) {
        return provideSomeLayer(self, source);
      } else if (isContext2(source)) {
        return provideSomeContext(self, source);
      } else if (TypeId13 in source) {
        return flatMap7(source.runtimeEffect, (rt) => provideSomeRuntime(self, rt));
      } else {
        return provideSomeRuntime(self, source);
      }
    });
  }
});

// node_modules/effect/dist/esm/Data.js
var Error3, TaggedError;
var init_Data = __esm({
  "node_modules/effect/dist/esm/Data.js"() {
    init_core();
    Error3 = /* @__PURE__ */ (function() {
      const plainArgsSymbol = /* @__PURE__ */ Symbol.for("effect/Data/Error/plainArgs");
      const O = {
        BaseEffectError: class extends YieldableError {
          constructor(args2) {
            super(args2?.message, args2?.cause ? {
              cause: args2.cause
            } : void 0);
            if (args2) {
              Object.assign(this, args2);
              Object.defineProperty(this, plainArgsSymbol, {
                value: args2,
                enumerable: false
              });
            }
          }
          toJSON() {
            return {
              ...this[plainArgsSymbol],
              ...this
            };
          }
        }
      };
      return O.BaseEffectError;
    })();
    TaggedError = (tag2) => {
      const O = {
        BaseEffectError: class extends Error3 {
          _tag = tag2;
        }
      };
      O.BaseEffectError.prototype.name = tag2;
      return O.BaseEffectError;
    };
  }
});

// node_modules/effect/dist/esm/internal/schedule.js
var ScheduleSymbolKey, ScheduleTypeId, isSchedule, ScheduleDriverSymbolKey, ScheduleDriverTypeId, defaultIterationMetadata, CurrentIterationMetadata, scheduleVariance, scheduleDriverVariance, ScheduleImpl, updateInfo, ScheduleDriverImpl, makeWithState, check, checkEffect, driver, intersect5, intersectWith, intersectWithLoop, map16, mapEffect2, passthrough, recurs, unfold2, untilInputEffect, whileInputEffect, whileOutput, ScheduleDefectTypeId, ScheduleDefect, isScheduleDefect, scheduleDefectWrap, scheduleDefectRefailCause, scheduleDefectRefail, repeat_Effect, repeat_combined, repeatOrElse_Effect, repeatOrElseEffectLoop, forever2;
var init_schedule = __esm({
  "node_modules/effect/dist/esm/internal/schedule.js"() {
    init_Clock();
    init_Context();
    init_Duration();
    init_Function();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_ScheduleDecision();
    init_ScheduleInterval();
    init_ScheduleIntervals();
    init_cause2();
    init_core_effect();
    init_core();
    init_ref();
    ScheduleSymbolKey = "effect/Schedule";
    ScheduleTypeId = /* @__PURE__ */ Symbol.for(ScheduleSymbolKey);
    isSchedule = (u) => hasProperty(u, ScheduleTypeId);
    ScheduleDriverSymbolKey = "effect/ScheduleDriver";
    ScheduleDriverTypeId = /* @__PURE__ */ Symbol.for(ScheduleDriverSymbolKey);
    defaultIterationMetadata = {
      start: 0,
      now: 0,
      input: void 0,
      output: void 0,
      elapsed: zero,
      elapsedSincePrevious: zero,
      recurrence: 0
    };
    CurrentIterationMetadata = /* @__PURE__ */ Reference2()("effect/Schedule/CurrentIterationMetadata", {
      defaultValue: () => defaultIterationMetadata
    });
    scheduleVariance = {
      /* c8 ignore next */
      _Out: (_) => _,
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    scheduleDriverVariance = {
      /* c8 ignore next */
      _Out: (_) => _,
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    ScheduleImpl = class {
      initial;
      step;
      [ScheduleTypeId] = scheduleVariance;
      constructor(initial, step3) {
        this.initial = initial;
        this.step = step3;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    updateInfo = (iterationMetaRef, now, input, output) => update2(iterationMetaRef, (prev) => prev.recurrence === 0 ? {
      now,
      input,
      output,
      recurrence: prev.recurrence + 1,
      elapsed: zero,
      elapsedSincePrevious: zero,
      start: now
    } : {
      now,
      input,
      output,
      recurrence: prev.recurrence + 1,
      elapsed: millis(now - prev.start),
      elapsedSincePrevious: millis(now - prev.now),
      start: prev.start
    });
    ScheduleDriverImpl = class {
      schedule;
      ref;
      [ScheduleDriverTypeId] = scheduleDriverVariance;
      constructor(schedule2, ref) {
        this.schedule = schedule2;
        this.ref = ref;
      }
      get state() {
        return map11(get10(this.ref), (tuple) => tuple[1]);
      }
      get last() {
        return flatMap7(get10(this.ref), ([element, _]) => {
          switch (element._tag) {
            case "None": {
              return failSync(() => new NoSuchElementException());
            }
            case "Some": {
              return succeed(element.value);
            }
          }
        });
      }
      iterationMeta = /* @__PURE__ */ unsafeMake4(defaultIterationMetadata);
      get reset() {
        return set4(this.ref, [none2(), this.schedule.initial]).pipe(zipLeft(set4(this.iterationMeta, defaultIterationMetadata)));
      }
      next(input) {
        return pipe(map11(get10(this.ref), (tuple) => tuple[1]), flatMap7((state) => pipe(currentTimeMillis2, flatMap7((now) => pipe(suspend(() => this.schedule.step(now, input, state)), flatMap7(([state2, out, decision]) => {
          const setState = set4(this.ref, [some2(out), state2]);
          if (isDone4(decision)) {
            return setState.pipe(zipRight(fail2(none2())));
          }
          const millis2 = start2(decision.intervals) - now;
          if (millis2 <= 0) {
            return setState.pipe(zipRight(updateInfo(this.iterationMeta, now, input, out)), as(out));
          }
          const duration = millis(millis2);
          return pipe(setState, zipRight(updateInfo(this.iterationMeta, now, input, out)), zipRight(sleep3(duration)), as(out));
        }))))));
      }
    };
    makeWithState = (initial, step3) => new ScheduleImpl(initial, step3);
    check = /* @__PURE__ */ dual(2, (self, test) => checkEffect(self, (input, out) => sync(() => test(input, out))));
    checkEffect = /* @__PURE__ */ dual(2, (self, test) => makeWithState(self.initial, (now, input, state) => flatMap7(self.step(now, input, state), ([state2, out, decision]) => {
      if (isDone4(decision)) {
        return succeed([state2, out, done5]);
      }
      return map11(test(input, out), (cont) => cont ? [state2, out, decision] : [state2, out, done5]);
    })));
    driver = (self) => pipe(make23([none2(), self.initial]), map11((ref) => new ScheduleDriverImpl(self, ref)));
    intersect5 = /* @__PURE__ */ dual(2, (self, that) => intersectWith(self, that, intersect4));
    intersectWith = /* @__PURE__ */ dual(3, (self, that, f) => makeWithState([self.initial, that.initial], (now, input, state) => pipe(zipWith2(self.step(now, input, state[0]), that.step(now, input, state[1]), (a, b) => [a, b]), flatMap7(([[lState, out, lDecision], [rState, out2, rDecision]]) => {
      if (isContinue2(lDecision) && isContinue2(rDecision)) {
        return intersectWithLoop(self, that, input, lState, out, lDecision.intervals, rState, out2, rDecision.intervals, f);
      }
      return succeed([[lState, rState], [out, out2], done5]);
    }))));
    intersectWithLoop = (self, that, input, lState, out, lInterval, rState, out2, rInterval, f) => {
      const combined = f(lInterval, rInterval);
      if (isNonEmpty4(combined)) {
        return succeed([[lState, rState], [out, out2], _continue2(combined)]);
      }
      if (pipe(lInterval, lessThan5(rInterval))) {
        return flatMap7(self.step(end2(lInterval), input, lState), ([lState2, out3, decision]) => {
          if (isDone4(decision)) {
            return succeed([[lState2, rState], [out3, out2], done5]);
          }
          return intersectWithLoop(self, that, input, lState2, out3, decision.intervals, rState, out2, rInterval, f);
        });
      }
      return flatMap7(that.step(end2(rInterval), input, rState), ([rState2, out22, decision]) => {
        if (isDone4(decision)) {
          return succeed([[lState, rState2], [out, out22], done5]);
        }
        return intersectWithLoop(self, that, input, lState, out, lInterval, rState2, out22, decision.intervals, f);
      });
    };
    map16 = /* @__PURE__ */ dual(2, (self, f) => mapEffect2(self, (out) => sync(() => f(out))));
    mapEffect2 = /* @__PURE__ */ dual(2, (self, f) => makeWithState(self.initial, (now, input, state) => flatMap7(self.step(now, input, state), ([state2, out, decision]) => map11(f(out), (out2) => [state2, out2, decision]))));
    passthrough = (self) => makeWithState(self.initial, (now, input, state) => pipe(self.step(now, input, state), map11(([state2, _, decision]) => [state2, input, decision])));
    recurs = (n2) => whileOutput(forever2, (out) => out < n2);
    unfold2 = (initial, f) => makeWithState(initial, (now, _, state) => sync(() => [f(state), state, continueWith2(after2(now))]));
    untilInputEffect = /* @__PURE__ */ dual(2, (self, f) => checkEffect(self, (input, _) => negate(f(input))));
    whileInputEffect = /* @__PURE__ */ dual(2, (self, f) => checkEffect(self, (input, _) => f(input)));
    whileOutput = /* @__PURE__ */ dual(2, (self, f) => check(self, (_, out) => f(out)));
    ScheduleDefectTypeId = /* @__PURE__ */ Symbol.for("effect/Schedule/ScheduleDefect");
    ScheduleDefect = class {
      error;
      [ScheduleDefectTypeId];
      constructor(error) {
        this.error = error;
        this[ScheduleDefectTypeId] = ScheduleDefectTypeId;
      }
    };
    isScheduleDefect = (u) => hasProperty(u, ScheduleDefectTypeId);
    scheduleDefectWrap = (self) => catchAll(self, (e) => die2(new ScheduleDefect(e)));
    scheduleDefectRefailCause = (cause2) => match2(find(cause2, (_) => isDieType(_) && isScheduleDefect(_.defect) ? some2(_.defect) : none2()), {
      onNone: () => cause2,
      onSome: (error) => fail(error.error)
    });
    scheduleDefectRefail = (effect3) => catchAllCause(effect3, (cause2) => failCause(scheduleDefectRefailCause(cause2)));
    repeat_Effect = /* @__PURE__ */ dual(2, (self, schedule2) => repeatOrElse_Effect(self, schedule2, (e, _) => fail2(e)));
    repeat_combined = /* @__PURE__ */ dual(2, (self, options3) => {
      if (isSchedule(options3)) {
        return repeat_Effect(self, options3);
      }
      const base = options3.schedule ?? passthrough(forever2);
      const withWhile = options3.while ? whileInputEffect(base, (a) => {
        const applied = options3.while(a);
        if (typeof applied === "boolean") {
          return succeed(applied);
        }
        return scheduleDefectWrap(applied);
      }) : base;
      const withUntil = options3.until ? untilInputEffect(withWhile, (a) => {
        const applied = options3.until(a);
        if (typeof applied === "boolean") {
          return succeed(applied);
        }
        return scheduleDefectWrap(applied);
      }) : withWhile;
      const withTimes = options3.times ? intersect5(withUntil, recurs(options3.times)).pipe(map16((intersectionPair) => intersectionPair[0])) : withUntil;
      return scheduleDefectRefail(repeat_Effect(self, withTimes));
    });
    repeatOrElse_Effect = /* @__PURE__ */ dual(3, (self, schedule2, orElse9) => flatMap7(driver(schedule2), (driver2) => matchEffect(self, {
      onFailure: (error) => orElse9(error, none2()),
      onSuccess: (value2) => repeatOrElseEffectLoop(provideServiceEffect(self, CurrentIterationMetadata, get10(driver2.iterationMeta)), driver2, (error, option2) => provideServiceEffect(orElse9(error, option2), CurrentIterationMetadata, get10(driver2.iterationMeta)), value2)
    })));
    repeatOrElseEffectLoop = (self, driver2, orElse9, value2) => matchEffect(driver2.next(value2), {
      onFailure: () => orDie(driver2.last),
      onSuccess: (b) => matchEffect(self, {
        onFailure: (error) => orElse9(error, some2(b)),
        onSuccess: (value3) => repeatOrElseEffectLoop(self, driver2, orElse9, value3)
      })
    });
    forever2 = /* @__PURE__ */ unfold2(0, (n2) => n2 + 1);
  }
});

// node_modules/effect/dist/esm/Deferred.js
var make37, _await3, failCause5, isDone5, succeed6;
var init_Deferred = __esm({
  "node_modules/effect/dist/esm/Deferred.js"() {
    init_core();
    make37 = deferredMake;
    _await3 = deferredAwait;
    failCause5 = deferredFailCause;
    isDone5 = deferredIsDone;
    succeed6 = deferredSucceed;
  }
});

// node_modules/effect/dist/esm/MutableList.js
var TypeId14, MutableListProto, makeNode, empty27, isEmpty8, length, append3, shift, remove6;
var init_MutableList = __esm({
  "node_modules/effect/dist/esm/MutableList.js"() {
    init_Function();
    init_Inspectable();
    init_Pipeable();
    TypeId14 = /* @__PURE__ */ Symbol.for("effect/MutableList");
    MutableListProto = {
      [TypeId14]: TypeId14,
      [Symbol.iterator]() {
        let done7 = false;
        let head7 = this.head;
        return {
          next() {
            if (done7) {
              return this.return();
            }
            if (head7 == null) {
              done7 = true;
              return this.return();
            }
            const value2 = head7.value;
            head7 = head7.next;
            return {
              done: done7,
              value: value2
            };
          },
          return(value2) {
            if (!done7) {
              done7 = true;
            }
            return {
              done: true,
              value: value2
            };
          }
        };
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "MutableList",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    makeNode = (value2) => ({
      value: value2,
      removed: false,
      prev: void 0,
      next: void 0
    });
    empty27 = () => {
      const list = Object.create(MutableListProto);
      list.head = void 0;
      list.tail = void 0;
      list._length = 0;
      return list;
    };
    isEmpty8 = (self) => length(self) === 0;
    length = (self) => self._length;
    append3 = /* @__PURE__ */ dual(2, (self, value2) => {
      const node = makeNode(value2);
      if (self.head === void 0) {
        self.head = node;
      }
      if (self.tail === void 0) {
        self.tail = node;
      } else {
        self.tail.next = node;
        node.prev = self.tail;
        self.tail = node;
      }
      ;
      self._length += 1;
      return self;
    });
    shift = (self) => {
      const head7 = self.head;
      if (head7 !== void 0) {
        remove6(self, head7);
        return head7.value;
      }
      return void 0;
    };
    remove6 = (self, node) => {
      if (node.removed) {
        return;
      }
      node.removed = true;
      if (node.prev !== void 0 && node.next !== void 0) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
      } else if (node.prev !== void 0) {
        self.tail = node.prev;
        node.prev.next = void 0;
      } else if (node.next !== void 0) {
        self.head = node.next;
        node.next.prev = void 0;
      } else {
        self.tail = void 0;
        self.head = void 0;
      }
      if (self._length > 0) {
        ;
        self._length -= 1;
      }
    };
  }
});

// node_modules/effect/dist/esm/MutableQueue.js
var TypeId15, EmptyMutableQueue, MutableQueueProto, make38, bounded, unbounded, length2, isEmpty9, capacity, offer, offerAll, poll2, pollUpTo;
var init_MutableQueue = __esm({
  "node_modules/effect/dist/esm/MutableQueue.js"() {
    init_Chunk();
    init_Function();
    init_Inspectable();
    init_MutableList();
    init_Pipeable();
    TypeId15 = /* @__PURE__ */ Symbol.for("effect/MutableQueue");
    EmptyMutableQueue = /* @__PURE__ */ Symbol.for("effect/mutable/MutableQueue/Empty");
    MutableQueueProto = {
      [TypeId15]: TypeId15,
      [Symbol.iterator]() {
        return Array.from(this.queue)[Symbol.iterator]();
      },
      toString() {
        return format(this.toJSON());
      },
      toJSON() {
        return {
          _id: "MutableQueue",
          values: Array.from(this).map(toJSON)
        };
      },
      [NodeInspectSymbol]() {
        return this.toJSON();
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    make38 = (capacity4) => {
      const queue = Object.create(MutableQueueProto);
      queue.queue = empty27();
      queue.capacity = capacity4;
      return queue;
    };
    bounded = (capacity4) => make38(capacity4);
    unbounded = () => make38(void 0);
    length2 = (self) => length(self.queue);
    isEmpty9 = (self) => isEmpty8(self.queue);
    capacity = (self) => self.capacity === void 0 ? Infinity : self.capacity;
    offer = /* @__PURE__ */ dual(2, (self, value2) => {
      const queueLength = length(self.queue);
      if (self.capacity !== void 0 && queueLength === self.capacity) {
        return false;
      }
      append3(value2)(self.queue);
      return true;
    });
    offerAll = /* @__PURE__ */ dual(2, (self, values3) => {
      const iterator = values3[Symbol.iterator]();
      let next;
      let remainder = empty2();
      let offering = true;
      while (offering && (next = iterator.next()) && !next.done) {
        offering = offer(next.value)(self);
      }
      while (next != null && !next.done) {
        remainder = prepend2(next.value)(remainder);
        next = iterator.next();
      }
      return reverse2(remainder);
    });
    poll2 = /* @__PURE__ */ dual(2, (self, def) => {
      if (isEmpty8(self.queue)) {
        return def;
      }
      return shift(self.queue);
    });
    pollUpTo = /* @__PURE__ */ dual(2, (self, n2) => {
      let result = empty2();
      let count2 = 0;
      while (count2 < n2) {
        const element = poll2(EmptyMutableQueue)(self);
        if (element === EmptyMutableQueue) {
          break;
        }
        result = prepend2(element)(result);
        count2 += 1;
      }
      return reverse2(result);
    });
  }
});

// node_modules/effect/dist/esm/Effect.js
var isEffect2, cached3, all4, forEach8, async2, withFiberRuntime2, fail6, failCause6, dieMessage2, gen2, promise2, succeed7, suspend4, sync4, _void, catchAll2, catchAllCause2, catchIf2, catchSomeCause2, ignore2, try_2, tryMap2, tryPromise2, interrupt5, interruptible4, onInterrupt2, uninterruptible2, uninterruptibleMask3, as4, asVoid2, map17, mapError2, acquireRelease2, acquireUseRelease2, ensuring2, scope2, scopeWith2, scopedWith2, scoped2, fiberIdWith2, forkDaemon2, forkIn2, timeout2, timeoutFail2, provide2, serviceFunctions2, either3, exit3, intoDeferred2, when2, flatMap9, flatten5, race2, raceFirst2, raceWith2, tap2, tapErrorCause2, forever3, repeat, locally, match11, matchCause3, matchCauseEffect3, orElseSucceed2, runtime3, makeSemaphore2, runFork2, runPromise, runSync, zip5, zipLeft2, zipRight3, zipWith3, useSpan2, withParentSpan2;
var init_Effect = __esm({
  "node_modules/effect/dist/esm/Effect.js"() {
    init_core_effect();
    init_core();
    init_circular();
    init_fiberRuntime();
    init_layer2();
    init_runtime();
    init_schedule();
    isEffect2 = isEffect;
    cached3 = memoize;
    all4 = all3;
    forEach8 = forEach7;
    async2 = async_;
    withFiberRuntime2 = withFiberRuntime;
    fail6 = fail2;
    failCause6 = failCause;
    dieMessage2 = dieMessage;
    gen2 = gen;
    promise2 = promise;
    succeed7 = succeed;
    suspend4 = suspend;
    sync4 = sync;
    _void = void_;
    catchAll2 = catchAll;
    catchAllCause2 = catchAllCause;
    catchIf2 = catchIf;
    catchSomeCause2 = catchSomeCause;
    ignore2 = ignore;
    try_2 = try_;
    tryMap2 = tryMap;
    tryPromise2 = tryPromise;
    interrupt5 = interrupt2;
    interruptible4 = interruptible2;
    onInterrupt2 = onInterrupt;
    uninterruptible2 = uninterruptible;
    uninterruptibleMask3 = uninterruptibleMask;
    as4 = as;
    asVoid2 = asVoid;
    map17 = map11;
    mapError2 = mapError;
    acquireRelease2 = acquireRelease;
    acquireUseRelease2 = acquireUseRelease;
    ensuring2 = ensuring;
    scope2 = scope;
    scopeWith2 = scopeWith;
    scopedWith2 = scopedWith;
    scoped2 = scopedEffect;
    fiberIdWith2 = fiberIdWith;
    forkDaemon2 = forkDaemon;
    forkIn2 = forkIn;
    timeout2 = timeout;
    timeoutFail2 = timeoutFail;
    provide2 = effect_provide;
    serviceFunctions2 = serviceFunctions;
    either3 = either2;
    exit3 = exit;
    intoDeferred2 = intoDeferred;
    when2 = when;
    flatMap9 = flatMap7;
    flatten5 = flatten3;
    race2 = race;
    raceFirst2 = raceFirst;
    raceWith2 = raceWith;
    tap2 = tap;
    tapErrorCause2 = tapErrorCause;
    forever3 = forever;
    repeat = repeat_combined;
    locally = fiberRefLocally;
    match11 = match8;
    matchCause3 = matchCause;
    matchCauseEffect3 = matchCauseEffect;
    orElseSucceed2 = orElseSucceed;
    runtime3 = runtime2;
    makeSemaphore2 = makeSemaphore;
    runFork2 = unsafeForkEffect;
    runPromise = unsafeRunPromiseEffect;
    runSync = unsafeRunSyncEffect;
    zip5 = zipOptions;
    zipLeft2 = zipLeftOptions;
    zipRight3 = zipRightOptions;
    zipWith3 = zipWithOptions;
    useSpan2 = useSpan;
    withParentSpan2 = withParentSpan;
  }
});

// node_modules/effect/dist/esm/internal/queue.js
var EnqueueSymbolKey, EnqueueTypeId, DequeueSymbolKey, DequeueTypeId, QueueStrategySymbolKey, QueueStrategyTypeId, BackingQueueSymbolKey, BackingQueueTypeId, queueStrategyVariance, backingQueueVariance, enqueueVariance, dequeueVariance, QueueImpl, takeRemainderLoop, bounded2, unbounded2, unsafeMake7, make39, BackingQueueFromMutableQueue, backingQueueFromMutableQueue, capacity2, size9, isFull, isEmpty10, isShutdown, awaitShutdown, shutdown, offer2, poll3, take2, takeAll, takeUpTo, takeBetween, takeN, backPressureStrategy, droppingStrategy, BackPressureStrategy, DroppingStrategy, SlidingStrategy, unsafeCompleteDeferred, unsafeOfferAll, unsafePollAll, unsafePollN, unsafeRemove, unsafeCompleteTakers;
var init_queue = __esm({
  "node_modules/effect/dist/esm/internal/queue.js"() {
    init_Array();
    init_Chunk();
    init_Effectable();
    init_Function();
    init_MutableQueue();
    init_MutableRef();
    init_Option();
    init_Pipeable();
    init_core();
    init_fiberRuntime();
    EnqueueSymbolKey = "effect/QueueEnqueue";
    EnqueueTypeId = /* @__PURE__ */ Symbol.for(EnqueueSymbolKey);
    DequeueSymbolKey = "effect/QueueDequeue";
    DequeueTypeId = /* @__PURE__ */ Symbol.for(DequeueSymbolKey);
    QueueStrategySymbolKey = "effect/QueueStrategy";
    QueueStrategyTypeId = /* @__PURE__ */ Symbol.for(QueueStrategySymbolKey);
    BackingQueueSymbolKey = "effect/BackingQueue";
    BackingQueueTypeId = /* @__PURE__ */ Symbol.for(BackingQueueSymbolKey);
    queueStrategyVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    backingQueueVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    enqueueVariance = {
      /* c8 ignore next */
      _In: (_) => _
    };
    dequeueVariance = {
      /* c8 ignore next */
      _Out: (_) => _
    };
    QueueImpl = class extends Class2 {
      queue;
      takers;
      shutdownHook;
      shutdownFlag;
      strategy;
      [EnqueueTypeId] = enqueueVariance;
      [DequeueTypeId] = dequeueVariance;
      constructor(queue, takers, shutdownHook, shutdownFlag, strategy) {
        super();
        this.queue = queue;
        this.takers = takers;
        this.shutdownHook = shutdownHook;
        this.shutdownFlag = shutdownFlag;
        this.strategy = strategy;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      commit() {
        return this.take;
      }
      capacity() {
        return this.queue.capacity();
      }
      get size() {
        return suspend(() => catchAll(this.unsafeSize(), () => interrupt2));
      }
      unsafeSize() {
        if (get6(this.shutdownFlag)) {
          return none2();
        }
        return some2(this.queue.length() - length2(this.takers) + this.strategy.surplusSize());
      }
      get isEmpty() {
        return map11(this.size, (size11) => size11 <= 0);
      }
      get isFull() {
        return map11(this.size, (size11) => size11 >= this.capacity());
      }
      get shutdown() {
        return uninterruptible(withFiberRuntime((state) => {
          pipe(this.shutdownFlag, set2(true));
          return pipe(forEachConcurrentDiscard(unsafePollAll(this.takers), (d) => deferredInterruptWith(d, state.id()), false, false), zipRight(this.strategy.shutdown), whenEffect(deferredSucceed(this.shutdownHook, void 0)), asVoid);
        }));
      }
      get isShutdown() {
        return sync(() => get6(this.shutdownFlag));
      }
      get awaitShutdown() {
        return deferredAwait(this.shutdownHook);
      }
      isActive() {
        return !get6(this.shutdownFlag);
      }
      unsafeOffer(value2) {
        if (get6(this.shutdownFlag)) {
          return false;
        }
        let noRemaining;
        if (this.queue.length() === 0) {
          const taker = pipe(this.takers, poll2(EmptyMutableQueue));
          if (taker !== EmptyMutableQueue) {
            unsafeCompleteDeferred(taker, value2);
            noRemaining = true;
          } else {
            noRemaining = false;
          }
        } else {
          noRemaining = false;
        }
        if (noRemaining) {
          return true;
        }
        const succeeded = this.queue.offer(value2);
        unsafeCompleteTakers(this.strategy, this.queue, this.takers);
        return succeeded;
      }
      offer(value2) {
        return suspend(() => {
          if (get6(this.shutdownFlag)) {
            return interrupt2;
          }
          let noRemaining;
          if (this.queue.length() === 0) {
            const taker = pipe(this.takers, poll2(EmptyMutableQueue));
            if (taker !== EmptyMutableQueue) {
              unsafeCompleteDeferred(taker, value2);
              noRemaining = true;
            } else {
              noRemaining = false;
            }
          } else {
            noRemaining = false;
          }
          if (noRemaining) {
            return succeed(true);
          }
          const succeeded = this.queue.offer(value2);
          unsafeCompleteTakers(this.strategy, this.queue, this.takers);
          return succeeded ? succeed(true) : this.strategy.handleSurplus([value2], this.queue, this.takers, this.shutdownFlag);
        });
      }
      offerAll(iterable) {
        return suspend(() => {
          if (get6(this.shutdownFlag)) {
            return interrupt2;
          }
          const values3 = fromIterable(iterable);
          const pTakers = this.queue.length() === 0 ? fromIterable(unsafePollN(this.takers, values3.length)) : empty;
          const [forTakers, remaining] = pipe(values3, splitAt(pTakers.length));
          for (let i = 0; i < pTakers.length; i++) {
            const taker = pTakers[i];
            const item = forTakers[i];
            unsafeCompleteDeferred(taker, item);
          }
          if (remaining.length === 0) {
            return succeed(true);
          }
          const surplus = this.queue.offerAll(remaining);
          unsafeCompleteTakers(this.strategy, this.queue, this.takers);
          return isEmpty(surplus) ? succeed(true) : this.strategy.handleSurplus(surplus, this.queue, this.takers, this.shutdownFlag);
        });
      }
      get take() {
        return withFiberRuntime((state) => {
          if (get6(this.shutdownFlag)) {
            return interrupt2;
          }
          const item = this.queue.poll(EmptyMutableQueue);
          if (item !== EmptyMutableQueue) {
            this.strategy.unsafeOnQueueEmptySpace(this.queue, this.takers);
            return succeed(item);
          } else {
            const deferred = deferredUnsafeMake(state.id());
            return pipe(suspend(() => {
              pipe(this.takers, offer(deferred));
              unsafeCompleteTakers(this.strategy, this.queue, this.takers);
              return get6(this.shutdownFlag) ? interrupt2 : deferredAwait(deferred);
            }), onInterrupt(() => {
              return sync(() => unsafeRemove(this.takers, deferred));
            }));
          }
        });
      }
      get takeAll() {
        return suspend(() => {
          return get6(this.shutdownFlag) ? interrupt2 : sync(() => {
            const values3 = this.queue.pollUpTo(Number.POSITIVE_INFINITY);
            this.strategy.unsafeOnQueueEmptySpace(this.queue, this.takers);
            return fromIterable2(values3);
          });
        });
      }
      takeUpTo(max5) {
        return suspend(() => get6(this.shutdownFlag) ? interrupt2 : sync(() => {
          const values3 = this.queue.pollUpTo(max5);
          this.strategy.unsafeOnQueueEmptySpace(this.queue, this.takers);
          return fromIterable2(values3);
        }));
      }
      takeBetween(min3, max5) {
        return suspend(() => takeRemainderLoop(this, min3, max5, empty2()));
      }
    };
    takeRemainderLoop = (self, min3, max5, acc) => {
      if (max5 < min3) {
        return succeed(acc);
      }
      return pipe(takeUpTo(self, max5), flatMap7((bs) => {
        const remaining = min3 - bs.length;
        if (remaining === 1) {
          return pipe(take2(self), map11((b) => pipe(acc, appendAll2(bs), append2(b))));
        }
        if (remaining > 1) {
          return pipe(take2(self), flatMap7((b) => takeRemainderLoop(self, remaining - 1, max5 - bs.length - 1, pipe(acc, appendAll2(bs), append2(b)))));
        }
        return succeed(pipe(acc, appendAll2(bs)));
      }));
    };
    bounded2 = (requestedCapacity) => pipe(sync(() => bounded(requestedCapacity)), flatMap7((queue) => make39(backingQueueFromMutableQueue(queue), backPressureStrategy())));
    unbounded2 = () => pipe(sync(() => unbounded()), flatMap7((queue) => make39(backingQueueFromMutableQueue(queue), droppingStrategy())));
    unsafeMake7 = (queue, takers, shutdownHook, shutdownFlag, strategy) => {
      return new QueueImpl(queue, takers, shutdownHook, shutdownFlag, strategy);
    };
    make39 = (queue, strategy) => pipe(deferredMake(), map11((deferred) => unsafeMake7(queue, unbounded(), deferred, make11(false), strategy)));
    BackingQueueFromMutableQueue = class {
      mutable;
      [BackingQueueTypeId] = backingQueueVariance;
      constructor(mutable2) {
        this.mutable = mutable2;
      }
      poll(def) {
        return poll2(this.mutable, def);
      }
      pollUpTo(limit) {
        return pollUpTo(this.mutable, limit);
      }
      offerAll(elements) {
        return offerAll(this.mutable, elements);
      }
      offer(element) {
        return offer(this.mutable, element);
      }
      capacity() {
        return capacity(this.mutable);
      }
      length() {
        return length2(this.mutable);
      }
    };
    backingQueueFromMutableQueue = (mutable2) => new BackingQueueFromMutableQueue(mutable2);
    capacity2 = (self) => self.capacity();
    size9 = (self) => self.size;
    isFull = (self) => self.isFull;
    isEmpty10 = (self) => self.isEmpty;
    isShutdown = (self) => self.isShutdown;
    awaitShutdown = (self) => self.awaitShutdown;
    shutdown = (self) => self.shutdown;
    offer2 = /* @__PURE__ */ dual(2, (self, value2) => self.offer(value2));
    poll3 = (self) => map11(self.takeUpTo(1), head2);
    take2 = (self) => self.take;
    takeAll = (self) => self.takeAll;
    takeUpTo = /* @__PURE__ */ dual(2, (self, max5) => self.takeUpTo(max5));
    takeBetween = /* @__PURE__ */ dual(3, (self, min3, max5) => self.takeBetween(min3, max5));
    takeN = /* @__PURE__ */ dual(2, (self, n2) => self.takeBetween(n2, n2));
    backPressureStrategy = () => new BackPressureStrategy();
    droppingStrategy = () => new DroppingStrategy();
    BackPressureStrategy = class {
      [QueueStrategyTypeId] = queueStrategyVariance;
      putters = /* @__PURE__ */ unbounded();
      surplusSize() {
        return length2(this.putters);
      }
      onCompleteTakersWithEmptyQueue(takers) {
        while (!isEmpty9(this.putters) && !isEmpty9(takers)) {
          const taker = poll2(takers, void 0);
          const putter = poll2(this.putters, void 0);
          if (putter[2]) {
            unsafeCompleteDeferred(putter[1], true);
          }
          unsafeCompleteDeferred(taker, putter[0]);
        }
      }
      get shutdown() {
        return pipe(fiberId, flatMap7((fiberId2) => pipe(sync(() => unsafePollAll(this.putters)), flatMap7((putters) => forEachConcurrentDiscard(putters, ([_, deferred, isLastItem]) => isLastItem ? pipe(deferredInterruptWith(deferred, fiberId2), asVoid) : void_, false, false)))));
      }
      handleSurplus(iterable, queue, takers, isShutdown3) {
        return withFiberRuntime((state) => {
          const deferred = deferredUnsafeMake(state.id());
          return pipe(suspend(() => {
            this.unsafeOffer(iterable, deferred);
            this.unsafeOnQueueEmptySpace(queue, takers);
            unsafeCompleteTakers(this, queue, takers);
            return get6(isShutdown3) ? interrupt2 : deferredAwait(deferred);
          }), onInterrupt(() => sync(() => this.unsafeRemove(deferred))));
        });
      }
      unsafeOnQueueEmptySpace(queue, takers) {
        let keepPolling = true;
        while (keepPolling && (queue.capacity() === Number.POSITIVE_INFINITY || queue.length() < queue.capacity())) {
          const putter = pipe(this.putters, poll2(EmptyMutableQueue));
          if (putter === EmptyMutableQueue) {
            keepPolling = false;
          } else {
            const offered = queue.offer(putter[0]);
            if (offered && putter[2]) {
              unsafeCompleteDeferred(putter[1], true);
            } else if (!offered) {
              unsafeOfferAll(this.putters, pipe(unsafePollAll(this.putters), prepend2(putter)));
            }
            unsafeCompleteTakers(this, queue, takers);
          }
        }
      }
      unsafeOffer(iterable, deferred) {
        const stuff = fromIterable(iterable);
        for (let i = 0; i < stuff.length; i++) {
          const value2 = stuff[i];
          if (i === stuff.length - 1) {
            pipe(this.putters, offer([value2, deferred, true]));
          } else {
            pipe(this.putters, offer([value2, deferred, false]));
          }
        }
      }
      unsafeRemove(deferred) {
        unsafeOfferAll(this.putters, pipe(unsafePollAll(this.putters), filter2(([, _]) => _ !== deferred)));
      }
    };
    DroppingStrategy = class {
      [QueueStrategyTypeId] = queueStrategyVariance;
      surplusSize() {
        return 0;
      }
      get shutdown() {
        return void_;
      }
      onCompleteTakersWithEmptyQueue() {
      }
      handleSurplus(_iterable, _queue, _takers, _isShutdown) {
        return succeed(false);
      }
      unsafeOnQueueEmptySpace(_queue, _takers) {
      }
    };
    SlidingStrategy = class {
      [QueueStrategyTypeId] = queueStrategyVariance;
      surplusSize() {
        return 0;
      }
      get shutdown() {
        return void_;
      }
      onCompleteTakersWithEmptyQueue() {
      }
      handleSurplus(iterable, queue, takers, _isShutdown) {
        return sync(() => {
          this.unsafeOffer(queue, iterable);
          unsafeCompleteTakers(this, queue, takers);
          return true;
        });
      }
      unsafeOnQueueEmptySpace(_queue, _takers) {
      }
      unsafeOffer(queue, iterable) {
        const iterator = iterable[Symbol.iterator]();
        let next;
        let offering = true;
        while (!(next = iterator.next()).done && offering) {
          if (queue.capacity() === 0) {
            return;
          }
          queue.poll(EmptyMutableQueue);
          offering = queue.offer(next.value);
        }
      }
    };
    unsafeCompleteDeferred = (deferred, a) => {
      return deferredUnsafeDone(deferred, succeed(a));
    };
    unsafeOfferAll = (queue, as6) => {
      return pipe(queue, offerAll(as6));
    };
    unsafePollAll = (queue) => {
      return pipe(queue, pollUpTo(Number.POSITIVE_INFINITY));
    };
    unsafePollN = (queue, max5) => {
      return pipe(queue, pollUpTo(max5));
    };
    unsafeRemove = (queue, a) => {
      unsafeOfferAll(queue, pipe(unsafePollAll(queue), filter2((b) => a !== b)));
    };
    unsafeCompleteTakers = (strategy, queue, takers) => {
      let keepPolling = true;
      while (keepPolling && queue.length() !== 0) {
        const taker = pipe(takers, poll2(EmptyMutableQueue));
        if (taker !== EmptyMutableQueue) {
          const element = queue.poll(EmptyMutableQueue);
          if (element !== EmptyMutableQueue) {
            unsafeCompleteDeferred(taker, element);
            strategy.unsafeOnQueueEmptySpace(queue, takers);
          } else {
            unsafeOfferAll(takers, pipe(unsafePollAll(takers), prepend2(taker)));
          }
          keepPolling = true;
        } else {
          keepPolling = false;
        }
      }
      if (keepPolling && queue.length() === 0 && !isEmpty9(takers)) {
        strategy.onCompleteTakersWithEmptyQueue(takers);
      }
    };
  }
});

// node_modules/effect/dist/esm/Queue.js
var DequeueTypeId2, bounded3, unbounded3, capacity3, size10, isEmpty11, isFull2, isShutdown2, awaitShutdown2, shutdown2, offer3, poll4, take3, takeAll2, takeUpTo2, takeBetween2, takeN2;
var init_Queue = __esm({
  "node_modules/effect/dist/esm/Queue.js"() {
    init_queue();
    DequeueTypeId2 = DequeueTypeId;
    bounded3 = bounded2;
    unbounded3 = unbounded2;
    capacity3 = capacity2;
    size10 = size9;
    isEmpty11 = isEmpty10;
    isFull2 = isFull;
    isShutdown2 = isShutdown;
    awaitShutdown2 = awaitShutdown;
    shutdown2 = shutdown;
    offer3 = offer2;
    poll4 = poll3;
    take3 = take2;
    takeAll2 = takeAll;
    takeUpTo2 = takeUpTo;
    takeBetween2 = takeBetween;
    takeN2 = takeN;
  }
});

// node_modules/effect/dist/esm/FiberRef.js
var unsafeMake8, currentTracerEnabled2;
var init_FiberRef = __esm({
  "node_modules/effect/dist/esm/FiberRef.js"() {
    init_core();
    unsafeMake8 = fiberRefUnsafeMake;
    currentTracerEnabled2 = currentTracerEnabled;
  }
});

// node_modules/effect/dist/esm/Layer.js
var effect, succeed8, provide3;
var init_Layer = __esm({
  "node_modules/effect/dist/esm/Layer.js"() {
    init_layer2();
    effect = fromEffect3;
    succeed8 = succeed5;
    provide3 = provide;
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelChildExecutorDecision.js
var OP_CONTINUE2, OP_CLOSE, OP_YIELD2;
var init_channelChildExecutorDecision = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelChildExecutorDecision.js"() {
    OP_CONTINUE2 = "Continue";
    OP_CLOSE = "Close";
    OP_YIELD2 = "Yield";
  }
});

// node_modules/effect/dist/esm/internal/channel/childExecutorDecision.js
var ChildExecutorDecisionSymbolKey, ChildExecutorDecisionTypeId, proto4, Continue;
var init_childExecutorDecision = __esm({
  "node_modules/effect/dist/esm/internal/channel/childExecutorDecision.js"() {
    init_channelChildExecutorDecision();
    ChildExecutorDecisionSymbolKey = "effect/ChannelChildExecutorDecision";
    ChildExecutorDecisionTypeId = /* @__PURE__ */ Symbol.for(ChildExecutorDecisionSymbolKey);
    proto4 = {
      [ChildExecutorDecisionTypeId]: ChildExecutorDecisionTypeId
    };
    Continue = (_) => {
      const op = Object.create(proto4);
      op._tag = OP_CONTINUE2;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/continuation.js
var OP_CONTINUATION_K, OP_CONTINUATION_FINALIZER;
var init_continuation = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/continuation.js"() {
    OP_CONTINUATION_K = "ContinuationK";
    OP_CONTINUATION_FINALIZER = "ContinuationFinalizer";
  }
});

// node_modules/effect/dist/esm/internal/channel/continuation.js
var ContinuationTypeId, continuationVariance, ContinuationKImpl, ContinuationFinalizerImpl;
var init_continuation2 = __esm({
  "node_modules/effect/dist/esm/internal/channel/continuation.js"() {
    init_Exit();
    init_continuation();
    ContinuationTypeId = /* @__PURE__ */ Symbol.for("effect/ChannelContinuation");
    continuationVariance = {
      /* c8 ignore next */
      _Env: (_) => _,
      /* c8 ignore next */
      _InErr: (_) => _,
      /* c8 ignore next */
      _InElem: (_) => _,
      /* c8 ignore next */
      _InDone: (_) => _,
      /* c8 ignore next */
      _OutErr: (_) => _,
      /* c8 ignore next */
      _OutDone: (_) => _,
      /* c8 ignore next */
      _OutErr2: (_) => _,
      /* c8 ignore next */
      _OutElem: (_) => _,
      /* c8 ignore next */
      _OutDone2: (_) => _
    };
    ContinuationKImpl = class {
      onSuccess;
      onHalt;
      _tag = OP_CONTINUATION_K;
      [ContinuationTypeId] = continuationVariance;
      constructor(onSuccess, onHalt) {
        this.onSuccess = onSuccess;
        this.onHalt = onHalt;
      }
      onExit(exit4) {
        return isFailure(exit4) ? this.onHalt(exit4.cause) : this.onSuccess(exit4.value);
      }
    };
    ContinuationFinalizerImpl = class {
      finalizer;
      _tag = OP_CONTINUATION_FINALIZER;
      [ContinuationTypeId] = continuationVariance;
      constructor(finalizer2) {
        this.finalizer = finalizer2;
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelUpstreamPullStrategy.js
var OP_PULL_AFTER_NEXT, OP_PULL_AFTER_ALL_ENQUEUED;
var init_channelUpstreamPullStrategy = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelUpstreamPullStrategy.js"() {
    OP_PULL_AFTER_NEXT = "PullAfterNext";
    OP_PULL_AFTER_ALL_ENQUEUED = "PullAfterAllEnqueued";
  }
});

// node_modules/effect/dist/esm/internal/channel/upstreamPullStrategy.js
var UpstreamPullStrategySymbolKey, UpstreamPullStrategyTypeId, upstreamPullStrategyVariance, proto5, PullAfterNext;
var init_upstreamPullStrategy = __esm({
  "node_modules/effect/dist/esm/internal/channel/upstreamPullStrategy.js"() {
    init_channelUpstreamPullStrategy();
    UpstreamPullStrategySymbolKey = "effect/ChannelUpstreamPullStrategy";
    UpstreamPullStrategyTypeId = /* @__PURE__ */ Symbol.for(UpstreamPullStrategySymbolKey);
    upstreamPullStrategyVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    proto5 = {
      [UpstreamPullStrategyTypeId]: upstreamPullStrategyVariance
    };
    PullAfterNext = (emitSeparator) => {
      const op = Object.create(proto5);
      op._tag = OP_PULL_AFTER_NEXT;
      op.emitSeparator = emitSeparator;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channel.js
var OP_BRACKET_OUT, OP_BRIDGE, OP_CONCAT_ALL, OP_EMIT, OP_ENSURING, OP_FAIL3, OP_FOLD2, OP_FROM_EFFECT2, OP_PIPE_TO, OP_PROVIDE2, OP_READ, OP_SUCCEED, OP_SUCCEED_NOW, OP_SUSPEND2;
var init_channel = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channel.js"() {
    OP_BRACKET_OUT = "BracketOut";
    OP_BRIDGE = "Bridge";
    OP_CONCAT_ALL = "ConcatAll";
    OP_EMIT = "Emit";
    OP_ENSURING = "Ensuring";
    OP_FAIL3 = "Fail";
    OP_FOLD2 = "Fold";
    OP_FROM_EFFECT2 = "FromEffect";
    OP_PIPE_TO = "PipeTo";
    OP_PROVIDE2 = "Provide";
    OP_READ = "Read";
    OP_SUCCEED = "Succeed";
    OP_SUCCEED_NOW = "SucceedNow";
    OP_SUSPEND2 = "Suspend";
  }
});

// node_modules/effect/dist/esm/internal/core-stream.js
var ChannelSymbolKey, ChannelTypeId2, channelVariance2, proto6, isChannel, acquireReleaseOut, catchAllCause4, concatAllWith, concatMapWith, embedInput, ensuringWith, fail8, failCause8, failCauseSync3, flatMap11, fromEffect4, pipeTo, readWith, readWithCause, succeed9, succeedNow, suspend5, sync5, void_5, write;
var init_core_stream = __esm({
  "node_modules/effect/dist/esm/internal/core-stream.js"() {
    init_Cause();
    init_Effect();
    init_Either();
    init_Function();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_childExecutorDecision();
    init_continuation2();
    init_upstreamPullStrategy();
    init_channel();
    ChannelSymbolKey = "effect/Channel";
    ChannelTypeId2 = /* @__PURE__ */ Symbol.for(ChannelSymbolKey);
    channelVariance2 = {
      /* c8 ignore next */
      _Env: (_) => _,
      /* c8 ignore next */
      _InErr: (_) => _,
      /* c8 ignore next */
      _InElem: (_) => _,
      /* c8 ignore next */
      _InDone: (_) => _,
      /* c8 ignore next */
      _OutErr: (_) => _,
      /* c8 ignore next */
      _OutElem: (_) => _,
      /* c8 ignore next */
      _OutDone: (_) => _
    };
    proto6 = {
      [ChannelTypeId2]: channelVariance2,
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    isChannel = (u) => hasProperty(u, ChannelTypeId2) || isEffect2(u);
    acquireReleaseOut = /* @__PURE__ */ dual(2, (self, release) => {
      const op = Object.create(proto6);
      op._tag = OP_BRACKET_OUT;
      op.acquire = () => self;
      op.finalizer = release;
      return op;
    });
    catchAllCause4 = /* @__PURE__ */ dual(2, (self, f) => {
      const op = Object.create(proto6);
      op._tag = OP_FOLD2;
      op.channel = self;
      op.k = new ContinuationKImpl(succeed9, f);
      return op;
    });
    concatAllWith = (channels, f, g) => {
      const op = Object.create(proto6);
      op._tag = OP_CONCAT_ALL;
      op.combineInners = f;
      op.combineAll = g;
      op.onPull = () => PullAfterNext(none2());
      op.onEmit = () => Continue;
      op.value = () => channels;
      op.k = identity;
      return op;
    };
    concatMapWith = /* @__PURE__ */ dual(4, (self, f, g, h) => {
      const op = Object.create(proto6);
      op._tag = OP_CONCAT_ALL;
      op.combineInners = g;
      op.combineAll = h;
      op.onPull = () => PullAfterNext(none2());
      op.onEmit = () => Continue;
      op.value = () => self;
      op.k = f;
      return op;
    });
    embedInput = /* @__PURE__ */ dual(2, (self, input) => {
      const op = Object.create(proto6);
      op._tag = OP_BRIDGE;
      op.input = input;
      op.channel = self;
      return op;
    });
    ensuringWith = /* @__PURE__ */ dual(2, (self, finalizer2) => {
      const op = Object.create(proto6);
      op._tag = OP_ENSURING;
      op.channel = self;
      op.finalizer = finalizer2;
      return op;
    });
    fail8 = (error) => failCause8(fail4(error));
    failCause8 = (cause2) => failCauseSync3(() => cause2);
    failCauseSync3 = (evaluate3) => {
      const op = Object.create(proto6);
      op._tag = OP_FAIL3;
      op.error = evaluate3;
      return op;
    };
    flatMap11 = /* @__PURE__ */ dual(2, (self, f) => {
      const op = Object.create(proto6);
      op._tag = OP_FOLD2;
      op.channel = self;
      op.k = new ContinuationKImpl(f, failCause8);
      return op;
    });
    fromEffect4 = (effect3) => {
      const op = Object.create(proto6);
      op._tag = OP_FROM_EFFECT2;
      op.effect = () => effect3;
      return op;
    };
    pipeTo = /* @__PURE__ */ dual(2, (self, that) => {
      const op = Object.create(proto6);
      op._tag = OP_PIPE_TO;
      op.left = () => self;
      op.right = () => that;
      return op;
    });
    readWith = (options3) => readWithCause({
      onInput: options3.onInput,
      onFailure: (cause2) => match(failureOrCause2(cause2), {
        onLeft: options3.onFailure,
        onRight: failCause8
      }),
      onDone: options3.onDone
    });
    readWithCause = (options3) => {
      const op = Object.create(proto6);
      op._tag = OP_READ;
      op.more = options3.onInput;
      op.done = new ContinuationKImpl(options3.onDone, options3.onFailure);
      return op;
    };
    succeed9 = (value2) => sync5(() => value2);
    succeedNow = (result) => {
      const op = Object.create(proto6);
      op._tag = OP_SUCCEED_NOW;
      op.terminal = result;
      return op;
    };
    suspend5 = (evaluate3) => {
      const op = Object.create(proto6);
      op._tag = OP_SUSPEND2;
      op.channel = evaluate3;
      return op;
    };
    sync5 = (evaluate3) => {
      const op = Object.create(proto6);
      op._tag = OP_SUCCEED;
      op.evaluate = evaluate3;
      return op;
    };
    void_5 = /* @__PURE__ */ succeedNow(void 0);
    write = (out) => {
      const op = Object.create(proto6);
      op._tag = OP_EMIT;
      op.out = out;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelState.js
var OP_DONE3, OP_EMIT2, OP_FROM_EFFECT3, OP_READ2;
var init_channelState = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelState.js"() {
    OP_DONE3 = "Done";
    OP_EMIT2 = "Emit";
    OP_FROM_EFFECT3 = "FromEffect";
    OP_READ2 = "Read";
  }
});

// node_modules/effect/dist/esm/internal/channel/channelState.js
var ChannelStateTypeId, channelStateVariance, proto7, Done2, Emit, fromEffect5, Read, isFromEffect, effect2, effectOrUndefinedIgnored;
var init_channelState2 = __esm({
  "node_modules/effect/dist/esm/internal/channel/channelState.js"() {
    init_Effect();
    init_channelState();
    ChannelStateTypeId = /* @__PURE__ */ Symbol.for("effect/ChannelState");
    channelStateVariance = {
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    proto7 = {
      [ChannelStateTypeId]: channelStateVariance
    };
    Done2 = () => {
      const op = Object.create(proto7);
      op._tag = OP_DONE3;
      return op;
    };
    Emit = () => {
      const op = Object.create(proto7);
      op._tag = OP_EMIT2;
      return op;
    };
    fromEffect5 = (effect3) => {
      const op = Object.create(proto7);
      op._tag = OP_FROM_EFFECT3;
      op.effect = effect3;
      return op;
    };
    Read = (upstream, onEffect, onEmit, onDone2) => {
      const op = Object.create(proto7);
      op._tag = OP_READ2;
      op.upstream = upstream;
      op.onEffect = onEffect;
      op.onEmit = onEmit;
      op.onDone = onDone2;
      return op;
    };
    isFromEffect = (self) => self._tag === OP_FROM_EFFECT3;
    effect2 = (self) => isFromEffect(self) ? self.effect : _void;
    effectOrUndefinedIgnored = (self) => isFromEffect(self) ? ignore2(self.effect) : void 0;
  }
});

// node_modules/effect/dist/esm/internal/channel/subexecutor.js
var OP_PULL_FROM_CHILD, OP_PULL_FROM_UPSTREAM, OP_DRAIN_CHILD_EXECUTORS, OP_EMIT3, PullFromChild, PullFromUpstream, DrainChildExecutors, Emit2;
var init_subexecutor = __esm({
  "node_modules/effect/dist/esm/internal/channel/subexecutor.js"() {
    init_Effect();
    init_Exit();
    init_Function();
    OP_PULL_FROM_CHILD = "PullFromChild";
    OP_PULL_FROM_UPSTREAM = "PullFromUpstream";
    OP_DRAIN_CHILD_EXECUTORS = "DrainChildExecutors";
    OP_EMIT3 = "Emit";
    PullFromChild = class {
      childExecutor;
      parentSubexecutor;
      onEmit;
      _tag = OP_PULL_FROM_CHILD;
      constructor(childExecutor, parentSubexecutor, onEmit) {
        this.childExecutor = childExecutor;
        this.parentSubexecutor = parentSubexecutor;
        this.onEmit = onEmit;
      }
      close(exit4) {
        const fin1 = this.childExecutor.close(exit4);
        const fin2 = this.parentSubexecutor.close(exit4);
        if (fin1 !== void 0 && fin2 !== void 0) {
          return zipWith3(exit3(fin1), exit3(fin2), (exit1, exit22) => pipe(exit1, zipRight2(exit22)));
        } else if (fin1 !== void 0) {
          return fin1;
        } else if (fin2 !== void 0) {
          return fin2;
        } else {
          return void 0;
        }
      }
      enqueuePullFromChild(_child) {
        return this;
      }
    };
    PullFromUpstream = class _PullFromUpstream {
      upstreamExecutor;
      createChild;
      lastDone;
      activeChildExecutors;
      combineChildResults;
      combineWithChildResult;
      onPull;
      onEmit;
      _tag = OP_PULL_FROM_UPSTREAM;
      constructor(upstreamExecutor, createChild, lastDone, activeChildExecutors, combineChildResults, combineWithChildResult, onPull, onEmit) {
        this.upstreamExecutor = upstreamExecutor;
        this.createChild = createChild;
        this.lastDone = lastDone;
        this.activeChildExecutors = activeChildExecutors;
        this.combineChildResults = combineChildResults;
        this.combineWithChildResult = combineWithChildResult;
        this.onPull = onPull;
        this.onEmit = onEmit;
      }
      close(exit4) {
        const fin1 = this.upstreamExecutor.close(exit4);
        const fins = [...this.activeChildExecutors.map((child) => child !== void 0 ? child.childExecutor.close(exit4) : void 0), fin1];
        const result = fins.reduce((acc, next) => {
          if (acc !== void 0 && next !== void 0) {
            return zipWith3(acc, exit3(next), (exit1, exit22) => zipRight2(exit1, exit22));
          } else if (acc !== void 0) {
            return acc;
          } else if (next !== void 0) {
            return exit3(next);
          } else {
            return void 0;
          }
        }, void 0);
        return result === void 0 ? result : result;
      }
      enqueuePullFromChild(child) {
        return new _PullFromUpstream(this.upstreamExecutor, this.createChild, this.lastDone, [...this.activeChildExecutors, child], this.combineChildResults, this.combineWithChildResult, this.onPull, this.onEmit);
      }
    };
    DrainChildExecutors = class _DrainChildExecutors {
      upstreamExecutor;
      lastDone;
      activeChildExecutors;
      upstreamDone;
      combineChildResults;
      combineWithChildResult;
      onPull;
      _tag = OP_DRAIN_CHILD_EXECUTORS;
      constructor(upstreamExecutor, lastDone, activeChildExecutors, upstreamDone, combineChildResults, combineWithChildResult, onPull) {
        this.upstreamExecutor = upstreamExecutor;
        this.lastDone = lastDone;
        this.activeChildExecutors = activeChildExecutors;
        this.upstreamDone = upstreamDone;
        this.combineChildResults = combineChildResults;
        this.combineWithChildResult = combineWithChildResult;
        this.onPull = onPull;
      }
      close(exit4) {
        const fin1 = this.upstreamExecutor.close(exit4);
        const fins = [...this.activeChildExecutors.map((child) => child !== void 0 ? child.childExecutor.close(exit4) : void 0), fin1];
        const result = fins.reduce((acc, next) => {
          if (acc !== void 0 && next !== void 0) {
            return zipWith3(acc, exit3(next), (exit1, exit22) => zipRight2(exit1, exit22));
          } else if (acc !== void 0) {
            return acc;
          } else if (next !== void 0) {
            return exit3(next);
          } else {
            return void 0;
          }
        }, void 0);
        return result === void 0 ? result : result;
      }
      enqueuePullFromChild(child) {
        return new _DrainChildExecutors(this.upstreamExecutor, this.lastDone, [...this.activeChildExecutors, child], this.upstreamDone, this.combineChildResults, this.combineWithChildResult, this.onPull);
      }
    };
    Emit2 = class {
      value;
      next;
      _tag = OP_EMIT3;
      constructor(value2, next) {
        this.value = value2;
        this.next = next;
      }
      close(exit4) {
        const result = this.next.close(exit4);
        return result === void 0 ? result : result;
      }
      enqueuePullFromChild(_child) {
        return this;
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelUpstreamPullRequest.js
var OP_PULLED, OP_NO_UPSTREAM;
var init_channelUpstreamPullRequest = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelUpstreamPullRequest.js"() {
    OP_PULLED = "Pulled";
    OP_NO_UPSTREAM = "NoUpstream";
  }
});

// node_modules/effect/dist/esm/internal/channel/upstreamPullRequest.js
var UpstreamPullRequestSymbolKey, UpstreamPullRequestTypeId, upstreamPullRequestVariance, proto8, Pulled, NoUpstream;
var init_upstreamPullRequest = __esm({
  "node_modules/effect/dist/esm/internal/channel/upstreamPullRequest.js"() {
    init_channelUpstreamPullRequest();
    UpstreamPullRequestSymbolKey = "effect/ChannelUpstreamPullRequest";
    UpstreamPullRequestTypeId = /* @__PURE__ */ Symbol.for(UpstreamPullRequestSymbolKey);
    upstreamPullRequestVariance = {
      /* c8 ignore next */
      _A: (_) => _
    };
    proto8 = {
      [UpstreamPullRequestTypeId]: upstreamPullRequestVariance
    };
    Pulled = (value2) => {
      const op = Object.create(proto8);
      op._tag = OP_PULLED;
      op.value = value2;
      return op;
    };
    NoUpstream = (activeDownstreamCount) => {
      const op = Object.create(proto8);
      op._tag = OP_NO_UPSTREAM;
      op.activeDownstreamCount = activeDownstreamCount;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/channel/channelExecutor.js
var ChannelExecutor, ifNotNull, runFinalizers, readUpstream, runIn, runScopedInterpret;
var init_channelExecutor = __esm({
  "node_modules/effect/dist/esm/internal/channel/channelExecutor.js"() {
    init_Cause();
    init_Deferred();
    init_Effect();
    init_ExecutionStrategy();
    init_Exit();
    init_Fiber();
    init_FiberId();
    init_Function();
    init_HashSet();
    init_Option();
    init_Scope();
    init_core_stream();
    init_channel();
    init_channelChildExecutorDecision();
    init_channelState();
    init_channelUpstreamPullStrategy();
    init_continuation();
    init_channelState2();
    init_continuation2();
    init_subexecutor();
    init_upstreamPullRequest();
    ChannelExecutor = class _ChannelExecutor {
      _activeSubexecutor = void 0;
      _cancelled = void 0;
      _closeLastSubstream = void 0;
      _currentChannel;
      _done = void 0;
      _doneStack = [];
      _emitted = void 0;
      _executeCloseLastSubstream;
      _input = void 0;
      _inProgressFinalizer = void 0;
      _providedEnv;
      constructor(initialChannel, providedEnv, executeCloseLastSubstream) {
        this._currentChannel = initialChannel;
        this._executeCloseLastSubstream = executeCloseLastSubstream;
        this._providedEnv = providedEnv;
      }
      run() {
        let result = void 0;
        while (result === void 0) {
          if (this._cancelled !== void 0) {
            result = this.processCancellation();
          } else if (this._activeSubexecutor !== void 0) {
            result = this.runSubexecutor();
          } else {
            try {
              if (this._currentChannel === void 0) {
                result = Done2();
              } else {
                if (isEffect2(this._currentChannel)) {
                  this._currentChannel = fromEffect4(this._currentChannel);
                }
                switch (this._currentChannel._tag) {
                  case OP_BRACKET_OUT: {
                    result = this.runBracketOut(this._currentChannel);
                    break;
                  }
                  case OP_BRIDGE: {
                    const bridgeInput = this._currentChannel.input;
                    this._currentChannel = this._currentChannel.channel;
                    if (this._input !== void 0) {
                      const inputExecutor = this._input;
                      this._input = void 0;
                      const drainer = () => flatMap9(bridgeInput.awaitRead(), () => suspend4(() => {
                        const state = inputExecutor.run();
                        switch (state._tag) {
                          case OP_DONE3: {
                            return match9(inputExecutor.getDone(), {
                              onFailure: (cause2) => bridgeInput.error(cause2),
                              onSuccess: (value2) => bridgeInput.done(value2)
                            });
                          }
                          case OP_EMIT2: {
                            return flatMap9(bridgeInput.emit(inputExecutor.getEmit()), () => drainer());
                          }
                          case OP_FROM_EFFECT3: {
                            return matchCauseEffect3(state.effect, {
                              onFailure: (cause2) => bridgeInput.error(cause2),
                              onSuccess: () => drainer()
                            });
                          }
                          case OP_READ2: {
                            return readUpstream(state, () => drainer(), (cause2) => bridgeInput.error(cause2));
                          }
                        }
                      }));
                      result = fromEffect5(flatMap9(forkDaemon2(interruptible4(drainer())), (fiber) => sync4(() => this.addFinalizer((exit4) => flatMap9(interrupt4(fiber), () => suspend4(() => {
                        const effect3 = this.restorePipe(exit4, inputExecutor);
                        return effect3 !== void 0 ? effect3 : _void;
                      }))))));
                    }
                    break;
                  }
                  case OP_CONCAT_ALL: {
                    const executor = new _ChannelExecutor(this._currentChannel.value(), this._providedEnv, (effect3) => sync4(() => {
                      const prevLastClose = this._closeLastSubstream === void 0 ? _void : this._closeLastSubstream;
                      this._closeLastSubstream = pipe(prevLastClose, zipRight3(effect3));
                    }));
                    executor._input = this._input;
                    const channel = this._currentChannel;
                    this._activeSubexecutor = new PullFromUpstream(executor, (value2) => channel.k(value2), void 0, [], (x, y) => channel.combineInners(x, y), (x, y) => channel.combineAll(x, y), (request) => channel.onPull(request), (value2) => channel.onEmit(value2));
                    this._closeLastSubstream = void 0;
                    this._currentChannel = void 0;
                    break;
                  }
                  case OP_EMIT: {
                    this._emitted = this._currentChannel.out;
                    this._currentChannel = this._activeSubexecutor !== void 0 ? void 0 : void_5;
                    result = Emit();
                    break;
                  }
                  case OP_ENSURING: {
                    this.runEnsuring(this._currentChannel);
                    break;
                  }
                  case OP_FAIL3: {
                    result = this.doneHalt(this._currentChannel.error());
                    break;
                  }
                  case OP_FOLD2: {
                    this._doneStack.push(this._currentChannel.k);
                    this._currentChannel = this._currentChannel.channel;
                    break;
                  }
                  case OP_FROM_EFFECT2: {
                    const effect3 = this._providedEnv === void 0 ? this._currentChannel.effect() : pipe(this._currentChannel.effect(), provide2(this._providedEnv));
                    result = fromEffect5(matchCauseEffect3(effect3, {
                      onFailure: (cause2) => {
                        const state = this.doneHalt(cause2);
                        return state !== void 0 && isFromEffect(state) ? state.effect : _void;
                      },
                      onSuccess: (value2) => {
                        const state = this.doneSucceed(value2);
                        return state !== void 0 && isFromEffect(state) ? state.effect : _void;
                      }
                    }));
                    break;
                  }
                  case OP_PIPE_TO: {
                    const previousInput = this._input;
                    const leftExec = new _ChannelExecutor(this._currentChannel.left(), this._providedEnv, (effect3) => this._executeCloseLastSubstream(effect3));
                    leftExec._input = previousInput;
                    this._input = leftExec;
                    this.addFinalizer((exit4) => {
                      const effect3 = this.restorePipe(exit4, previousInput);
                      return effect3 !== void 0 ? effect3 : _void;
                    });
                    this._currentChannel = this._currentChannel.right();
                    break;
                  }
                  case OP_PROVIDE2: {
                    const previousEnv = this._providedEnv;
                    this._providedEnv = this._currentChannel.context();
                    this._currentChannel = this._currentChannel.inner;
                    this.addFinalizer(() => sync4(() => {
                      this._providedEnv = previousEnv;
                    }));
                    break;
                  }
                  case OP_READ: {
                    const read = this._currentChannel;
                    result = Read(this._input, identity, (emitted) => {
                      try {
                        this._currentChannel = read.more(emitted);
                      } catch (error) {
                        this._currentChannel = read.done.onExit(die3(error));
                      }
                      return void 0;
                    }, (exit4) => {
                      const onExit3 = (exit5) => {
                        return read.done.onExit(exit5);
                      };
                      this._currentChannel = onExit3(exit4);
                      return void 0;
                    });
                    break;
                  }
                  case OP_SUCCEED: {
                    result = this.doneSucceed(this._currentChannel.evaluate());
                    break;
                  }
                  case OP_SUCCEED_NOW: {
                    result = this.doneSucceed(this._currentChannel.terminal);
                    break;
                  }
                  case OP_SUSPEND2: {
                    this._currentChannel = this._currentChannel.channel();
                    break;
                  }
                }
              }
            } catch (error) {
              this._currentChannel = failCause8(die4(error));
            }
          }
        }
        return result;
      }
      getDone() {
        return this._done;
      }
      getEmit() {
        return this._emitted;
      }
      cancelWith(exit4) {
        this._cancelled = exit4;
      }
      clearInProgressFinalizer() {
        this._inProgressFinalizer = void 0;
      }
      storeInProgressFinalizer(finalizer2) {
        this._inProgressFinalizer = finalizer2;
      }
      popAllFinalizers(exit4) {
        const finalizers = [];
        let next = this._doneStack.pop();
        while (next) {
          if (next._tag === "ContinuationFinalizer") {
            finalizers.push(next.finalizer);
          }
          next = this._doneStack.pop();
        }
        const effect3 = finalizers.length === 0 ? _void : runFinalizers(finalizers, exit4);
        this.storeInProgressFinalizer(effect3);
        return effect3;
      }
      popNextFinalizers() {
        const builder = [];
        while (this._doneStack.length !== 0) {
          const cont = this._doneStack[this._doneStack.length - 1];
          if (cont._tag === OP_CONTINUATION_K) {
            return builder;
          }
          builder.push(cont);
          this._doneStack.pop();
        }
        return builder;
      }
      restorePipe(exit4, prev) {
        const currInput = this._input;
        this._input = prev;
        if (currInput !== void 0) {
          const effect3 = currInput.close(exit4);
          return effect3;
        }
        return _void;
      }
      close(exit4) {
        let runInProgressFinalizers = void 0;
        const finalizer2 = this._inProgressFinalizer;
        if (finalizer2 !== void 0) {
          runInProgressFinalizers = pipe(finalizer2, ensuring2(sync4(() => this.clearInProgressFinalizer())));
        }
        let closeSelf = void 0;
        const selfFinalizers = this.popAllFinalizers(exit4);
        if (selfFinalizers !== void 0) {
          closeSelf = pipe(selfFinalizers, ensuring2(sync4(() => this.clearInProgressFinalizer())));
        }
        const closeSubexecutors = this._activeSubexecutor === void 0 ? void 0 : this._activeSubexecutor.close(exit4);
        if (closeSubexecutors === void 0 && runInProgressFinalizers === void 0 && closeSelf === void 0) {
          return void 0;
        }
        return pipe(
          exit3(ifNotNull(closeSubexecutors)),
          zip5(exit3(ifNotNull(runInProgressFinalizers))),
          zip5(exit3(ifNotNull(closeSelf))),
          map17(([[exit1, exit22], exit32]) => pipe(exit1, zipRight2(exit22), zipRight2(exit32))),
          uninterruptible2,
          // TODO: remove
          flatMap9((exit5) => suspend4(() => exit5))
        );
      }
      doneSucceed(value2) {
        if (this._doneStack.length === 0) {
          this._done = succeed3(value2);
          this._currentChannel = void 0;
          return Done2();
        }
        const head7 = this._doneStack[this._doneStack.length - 1];
        if (head7._tag === OP_CONTINUATION_K) {
          this._doneStack.pop();
          this._currentChannel = head7.onSuccess(value2);
          return void 0;
        }
        const finalizers = this.popNextFinalizers();
        if (this._doneStack.length === 0) {
          this._doneStack = finalizers.reverse();
          this._done = succeed3(value2);
          this._currentChannel = void 0;
          return Done2();
        }
        const finalizerEffect = runFinalizers(finalizers.map((f) => f.finalizer), succeed3(value2));
        this.storeInProgressFinalizer(finalizerEffect);
        const effect3 = pipe(finalizerEffect, ensuring2(sync4(() => this.clearInProgressFinalizer())), uninterruptible2, flatMap9(() => sync4(() => this.doneSucceed(value2))));
        return fromEffect5(effect3);
      }
      doneHalt(cause2) {
        if (this._doneStack.length === 0) {
          this._done = failCause3(cause2);
          this._currentChannel = void 0;
          return Done2();
        }
        const head7 = this._doneStack[this._doneStack.length - 1];
        if (head7._tag === OP_CONTINUATION_K) {
          this._doneStack.pop();
          try {
            this._currentChannel = head7.onHalt(cause2);
          } catch (error) {
            this._currentChannel = failCause8(die4(error));
          }
          return void 0;
        }
        const finalizers = this.popNextFinalizers();
        if (this._doneStack.length === 0) {
          this._doneStack = finalizers.reverse();
          this._done = failCause3(cause2);
          this._currentChannel = void 0;
          return Done2();
        }
        const finalizerEffect = runFinalizers(finalizers.map((f) => f.finalizer), failCause3(cause2));
        this.storeInProgressFinalizer(finalizerEffect);
        const effect3 = pipe(finalizerEffect, ensuring2(sync4(() => this.clearInProgressFinalizer())), uninterruptible2, flatMap9(() => sync4(() => this.doneHalt(cause2))));
        return fromEffect5(effect3);
      }
      processCancellation() {
        this._currentChannel = void 0;
        this._done = this._cancelled;
        this._cancelled = void 0;
        return Done2();
      }
      runBracketOut(bracketOut) {
        const effect3 = uninterruptible2(matchCauseEffect3(this.provide(bracketOut.acquire()), {
          onFailure: (cause2) => sync4(() => {
            this._currentChannel = failCause8(cause2);
          }),
          onSuccess: (out) => sync4(() => {
            this.addFinalizer((exit4) => this.provide(bracketOut.finalizer(out, exit4)));
            this._currentChannel = write(out);
          })
        }));
        return fromEffect5(effect3);
      }
      provide(effect3) {
        if (this._providedEnv === void 0) {
          return effect3;
        }
        return pipe(effect3, provide2(this._providedEnv));
      }
      runEnsuring(ensuring6) {
        this.addFinalizer(ensuring6.finalizer);
        this._currentChannel = ensuring6.channel;
      }
      addFinalizer(f) {
        this._doneStack.push(new ContinuationFinalizerImpl(f));
      }
      runSubexecutor() {
        const subexecutor = this._activeSubexecutor;
        switch (subexecutor._tag) {
          case OP_PULL_FROM_CHILD: {
            return this.pullFromChild(subexecutor.childExecutor, subexecutor.parentSubexecutor, subexecutor.onEmit, subexecutor);
          }
          case OP_PULL_FROM_UPSTREAM: {
            return this.pullFromUpstream(subexecutor);
          }
          case OP_DRAIN_CHILD_EXECUTORS: {
            return this.drainChildExecutors(subexecutor);
          }
          case OP_EMIT3: {
            this._emitted = subexecutor.value;
            this._activeSubexecutor = subexecutor.next;
            return Emit();
          }
        }
      }
      replaceSubexecutor(nextSubExec) {
        this._currentChannel = void 0;
        this._activeSubexecutor = nextSubExec;
      }
      finishWithExit(exit4) {
        const state = match9(exit4, {
          onFailure: (cause2) => this.doneHalt(cause2),
          onSuccess: (value2) => this.doneSucceed(value2)
        });
        this._activeSubexecutor = void 0;
        return state === void 0 ? _void : effect2(state);
      }
      finishSubexecutorWithCloseEffect(subexecutorDone, ...closeFuncs) {
        this.addFinalizer(() => pipe(closeFuncs, forEach8((closeFunc) => pipe(sync4(() => closeFunc(subexecutorDone)), flatMap9((closeEffect) => closeEffect !== void 0 ? closeEffect : _void)), {
          discard: true
        })));
        const state = pipe(subexecutorDone, match9({
          onFailure: (cause2) => this.doneHalt(cause2),
          onSuccess: (value2) => this.doneSucceed(value2)
        }));
        this._activeSubexecutor = void 0;
        return state;
      }
      applyUpstreamPullStrategy(upstreamFinished, queue, strategy) {
        switch (strategy._tag) {
          case OP_PULL_AFTER_NEXT: {
            const shouldPrepend = !upstreamFinished || queue.some((subexecutor) => subexecutor !== void 0);
            return [strategy.emitSeparator, shouldPrepend ? [void 0, ...queue] : queue];
          }
          case OP_PULL_AFTER_ALL_ENQUEUED: {
            const shouldEnqueue = !upstreamFinished || queue.some((subexecutor) => subexecutor !== void 0);
            return [strategy.emitSeparator, shouldEnqueue ? [...queue, void 0] : queue];
          }
        }
      }
      pullFromChild(childExecutor, parentSubexecutor, onEmitted, subexecutor) {
        return Read(childExecutor, identity, (emitted) => {
          const childExecutorDecision = onEmitted(emitted);
          switch (childExecutorDecision._tag) {
            case OP_CONTINUE2: {
              break;
            }
            case OP_CLOSE: {
              this.finishWithDoneValue(childExecutor, parentSubexecutor, childExecutorDecision.value);
              break;
            }
            case OP_YIELD2: {
              const modifiedParent = parentSubexecutor.enqueuePullFromChild(subexecutor);
              this.replaceSubexecutor(modifiedParent);
              break;
            }
          }
          this._activeSubexecutor = new Emit2(emitted, this._activeSubexecutor);
          return void 0;
        }, match9({
          onFailure: (cause2) => {
            const state = this.handleSubexecutorFailure(childExecutor, parentSubexecutor, cause2);
            return state === void 0 ? void 0 : effectOrUndefinedIgnored(state);
          },
          onSuccess: (doneValue) => {
            this.finishWithDoneValue(childExecutor, parentSubexecutor, doneValue);
            return void 0;
          }
        }));
      }
      finishWithDoneValue(childExecutor, parentSubexecutor, doneValue) {
        const subexecutor = parentSubexecutor;
        switch (subexecutor._tag) {
          case OP_PULL_FROM_UPSTREAM: {
            const modifiedParent = new PullFromUpstream(subexecutor.upstreamExecutor, subexecutor.createChild, subexecutor.lastDone !== void 0 ? subexecutor.combineChildResults(subexecutor.lastDone, doneValue) : doneValue, subexecutor.activeChildExecutors, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull, subexecutor.onEmit);
            this._closeLastSubstream = childExecutor.close(succeed3(doneValue));
            this.replaceSubexecutor(modifiedParent);
            break;
          }
          case OP_DRAIN_CHILD_EXECUTORS: {
            const modifiedParent = new DrainChildExecutors(subexecutor.upstreamExecutor, subexecutor.lastDone !== void 0 ? subexecutor.combineChildResults(subexecutor.lastDone, doneValue) : doneValue, subexecutor.activeChildExecutors, subexecutor.upstreamDone, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull);
            this._closeLastSubstream = childExecutor.close(succeed3(doneValue));
            this.replaceSubexecutor(modifiedParent);
            break;
          }
          default: {
            break;
          }
        }
      }
      handleSubexecutorFailure(childExecutor, parentSubexecutor, cause2) {
        return this.finishSubexecutorWithCloseEffect(failCause3(cause2), (exit4) => parentSubexecutor.close(exit4), (exit4) => childExecutor.close(exit4));
      }
      pullFromUpstream(subexecutor) {
        if (subexecutor.activeChildExecutors.length === 0) {
          return this.performPullFromUpstream(subexecutor);
        }
        const activeChild = subexecutor.activeChildExecutors[0];
        const parentSubexecutor = new PullFromUpstream(subexecutor.upstreamExecutor, subexecutor.createChild, subexecutor.lastDone, subexecutor.activeChildExecutors.slice(1), subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull, subexecutor.onEmit);
        if (activeChild === void 0) {
          return this.performPullFromUpstream(parentSubexecutor);
        }
        this.replaceSubexecutor(new PullFromChild(activeChild.childExecutor, parentSubexecutor, activeChild.onEmit));
        return void 0;
      }
      performPullFromUpstream(subexecutor) {
        return Read(subexecutor.upstreamExecutor, (effect3) => {
          const closeLastSubstream = this._closeLastSubstream === void 0 ? _void : this._closeLastSubstream;
          this._closeLastSubstream = void 0;
          return pipe(this._executeCloseLastSubstream(closeLastSubstream), zipRight3(effect3));
        }, (emitted) => {
          if (this._closeLastSubstream !== void 0) {
            const closeLastSubstream = this._closeLastSubstream;
            this._closeLastSubstream = void 0;
            return pipe(this._executeCloseLastSubstream(closeLastSubstream), map17(() => {
              const childExecutor2 = new _ChannelExecutor(subexecutor.createChild(emitted), this._providedEnv, this._executeCloseLastSubstream);
              childExecutor2._input = this._input;
              const [emitSeparator2, updatedChildExecutors2] = this.applyUpstreamPullStrategy(false, subexecutor.activeChildExecutors, subexecutor.onPull(Pulled(emitted)));
              this._activeSubexecutor = new PullFromChild(childExecutor2, new PullFromUpstream(subexecutor.upstreamExecutor, subexecutor.createChild, subexecutor.lastDone, updatedChildExecutors2, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull, subexecutor.onEmit), subexecutor.onEmit);
              if (isSome2(emitSeparator2)) {
                this._activeSubexecutor = new Emit2(emitSeparator2.value, this._activeSubexecutor);
              }
              return void 0;
            }));
          }
          const childExecutor = new _ChannelExecutor(subexecutor.createChild(emitted), this._providedEnv, this._executeCloseLastSubstream);
          childExecutor._input = this._input;
          const [emitSeparator, updatedChildExecutors] = this.applyUpstreamPullStrategy(false, subexecutor.activeChildExecutors, subexecutor.onPull(Pulled(emitted)));
          this._activeSubexecutor = new PullFromChild(childExecutor, new PullFromUpstream(subexecutor.upstreamExecutor, subexecutor.createChild, subexecutor.lastDone, updatedChildExecutors, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull, subexecutor.onEmit), subexecutor.onEmit);
          if (isSome2(emitSeparator)) {
            this._activeSubexecutor = new Emit2(emitSeparator.value, this._activeSubexecutor);
          }
          return void 0;
        }, (exit4) => {
          if (subexecutor.activeChildExecutors.some((subexecutor2) => subexecutor2 !== void 0)) {
            const drain4 = new DrainChildExecutors(subexecutor.upstreamExecutor, subexecutor.lastDone, [void 0, ...subexecutor.activeChildExecutors], subexecutor.upstreamExecutor.getDone(), subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull);
            if (this._closeLastSubstream !== void 0) {
              const closeLastSubstream2 = this._closeLastSubstream;
              this._closeLastSubstream = void 0;
              return pipe(this._executeCloseLastSubstream(closeLastSubstream2), map17(() => this.replaceSubexecutor(drain4)));
            }
            this.replaceSubexecutor(drain4);
            return void 0;
          }
          const closeLastSubstream = this._closeLastSubstream;
          const state = this.finishSubexecutorWithCloseEffect(pipe(exit4, map13((a) => subexecutor.combineWithChildResult(subexecutor.lastDone, a))), () => closeLastSubstream, (exit5) => subexecutor.upstreamExecutor.close(exit5));
          return state === void 0 ? void 0 : (
            // NOTE: assuming finalizers cannot fail
            effectOrUndefinedIgnored(state)
          );
        });
      }
      drainChildExecutors(subexecutor) {
        if (subexecutor.activeChildExecutors.length === 0) {
          const lastClose = this._closeLastSubstream;
          if (lastClose !== void 0) {
            this.addFinalizer(() => succeed7(lastClose));
          }
          return this.finishSubexecutorWithCloseEffect(subexecutor.upstreamDone, () => lastClose, (exit4) => subexecutor.upstreamExecutor.close(exit4));
        }
        const activeChild = subexecutor.activeChildExecutors[0];
        const rest = subexecutor.activeChildExecutors.slice(1);
        if (activeChild === void 0) {
          const [emitSeparator, remainingExecutors] = this.applyUpstreamPullStrategy(true, rest, subexecutor.onPull(NoUpstream(rest.reduce((n2, curr) => curr !== void 0 ? n2 + 1 : n2, 0))));
          this.replaceSubexecutor(new DrainChildExecutors(subexecutor.upstreamExecutor, subexecutor.lastDone, remainingExecutors, subexecutor.upstreamDone, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull));
          if (isSome2(emitSeparator)) {
            this._emitted = emitSeparator.value;
            return Emit();
          }
          return void 0;
        }
        const parentSubexecutor = new DrainChildExecutors(subexecutor.upstreamExecutor, subexecutor.lastDone, rest, subexecutor.upstreamDone, subexecutor.combineChildResults, subexecutor.combineWithChildResult, subexecutor.onPull);
        this.replaceSubexecutor(new PullFromChild(activeChild.childExecutor, parentSubexecutor, activeChild.onEmit));
        return void 0;
      }
    };
    ifNotNull = (effect3) => effect3 !== void 0 ? effect3 : _void;
    runFinalizers = (finalizers, exit4) => {
      return pipe(forEach8(finalizers, (fin) => exit3(fin(exit4))), map17((exits) => pipe(all2(exits), getOrElse(() => void_3))), flatMap9((exit5) => suspend4(() => exit5)));
    };
    readUpstream = (r, onSuccess, onFailure) => {
      const readStack = [r];
      const read = () => {
        const current = readStack.pop();
        if (current === void 0 || current.upstream === void 0) {
          return dieMessage2("Unexpected end of input for channel execution");
        }
        const state = current.upstream.run();
        switch (state._tag) {
          case OP_EMIT2: {
            const emitEffect = current.onEmit(current.upstream.getEmit());
            if (readStack.length === 0) {
              if (emitEffect === void 0) {
                return suspend4(onSuccess);
              }
              return pipe(emitEffect, matchCauseEffect3({
                onFailure,
                onSuccess
              }));
            }
            if (emitEffect === void 0) {
              return suspend4(() => read());
            }
            return pipe(emitEffect, matchCauseEffect3({
              onFailure,
              onSuccess: () => read()
            }));
          }
          case OP_DONE3: {
            const doneEffect = current.onDone(current.upstream.getDone());
            if (readStack.length === 0) {
              if (doneEffect === void 0) {
                return suspend4(onSuccess);
              }
              return pipe(doneEffect, matchCauseEffect3({
                onFailure,
                onSuccess
              }));
            }
            if (doneEffect === void 0) {
              return suspend4(() => read());
            }
            return pipe(doneEffect, matchCauseEffect3({
              onFailure,
              onSuccess: () => read()
            }));
          }
          case OP_FROM_EFFECT3: {
            readStack.push(current);
            return pipe(current.onEffect(state.effect), catchAllCause2((cause2) => suspend4(() => {
              const doneEffect = current.onDone(failCause3(cause2));
              return doneEffect === void 0 ? _void : doneEffect;
            })), matchCauseEffect3({
              onFailure,
              onSuccess: () => read()
            }));
          }
          case OP_READ2: {
            readStack.push(current);
            readStack.push(state);
            return suspend4(() => read());
          }
        }
      };
      return read();
    };
    runIn = /* @__PURE__ */ dual(2, (self, scope4) => {
      const run3 = (channelDeferred, scopeDeferred, scope5) => acquireUseRelease2(sync4(() => new ChannelExecutor(self, void 0, identity)), (exec) => suspend4(() => runScopedInterpret(exec.run(), exec).pipe(intoDeferred2(channelDeferred), zipRight3(_await3(channelDeferred)), zipLeft2(_await3(scopeDeferred)))), (exec, exit4) => {
        const finalize = exec.close(exit4);
        if (finalize === void 0) {
          return _void;
        }
        return tapErrorCause2(finalize, (cause2) => addFinalizer2(scope5, failCause6(cause2)));
      });
      return uninterruptibleMask3((restore) => all4([fork(scope4, sequential3), make37(), make37()]).pipe(flatMap9(([child, channelDeferred, scopeDeferred]) => restore(run3(channelDeferred, scopeDeferred, child)).pipe(forkIn2(scope4), flatMap9((fiber) => scope4.addFinalizer((exit4) => {
        const interruptors3 = isFailure(exit4) ? interruptors2(exit4.cause) : void 0;
        return isDone5(channelDeferred).pipe(flatMap9((isDone6) => isDone6 ? succeed6(scopeDeferred, void 0).pipe(zipRight3(_await2(fiber)), zipRight3(inheritAll2(fiber))) : succeed6(scopeDeferred, void 0).pipe(zipRight3(interruptors3 && size3(interruptors3) > 0 ? interruptAs(fiber, combineAll2(interruptors3)) : interrupt4(fiber)), zipRight3(inheritAll2(fiber)))));
      }).pipe(zipRight3(restore(_await3(channelDeferred)))))))));
    });
    runScopedInterpret = (channelState, exec) => {
      const op = channelState;
      switch (op._tag) {
        case OP_FROM_EFFECT3: {
          return pipe(op.effect, flatMap9(() => runScopedInterpret(exec.run(), exec)));
        }
        case OP_EMIT2: {
          return runScopedInterpret(exec.run(), exec);
        }
        case OP_DONE3: {
          return suspend4(() => exec.getDone());
        }
        case OP_READ2: {
          return readUpstream(op, () => runScopedInterpret(exec.run(), exec), failCause6);
        }
      }
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelMergeDecision.js
var OP_DONE4, OP_AWAIT;
var init_channelMergeDecision = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelMergeDecision.js"() {
    OP_DONE4 = "Done";
    OP_AWAIT = "Await";
  }
});

// node_modules/effect/dist/esm/internal/channel/mergeDecision.js
var MergeDecisionSymbolKey, MergeDecisionTypeId, proto9, Await;
var init_mergeDecision = __esm({
  "node_modules/effect/dist/esm/internal/channel/mergeDecision.js"() {
    init_channelMergeDecision();
    MergeDecisionSymbolKey = "effect/ChannelMergeDecision";
    MergeDecisionTypeId = /* @__PURE__ */ Symbol.for(MergeDecisionSymbolKey);
    proto9 = {
      [MergeDecisionTypeId]: {
        _R: (_) => _,
        _E0: (_) => _,
        _Z0: (_) => _,
        _E: (_) => _,
        _Z: (_) => _
      }
    };
    Await = (f) => {
      const op = Object.create(proto9);
      op._tag = OP_AWAIT;
      op.f = f;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelMergeState.js
var OP_BOTH_RUNNING, OP_LEFT_DONE, OP_RIGHT_DONE;
var init_channelMergeState = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelMergeState.js"() {
    OP_BOTH_RUNNING = "BothRunning";
    OP_LEFT_DONE = "LeftDone";
    OP_RIGHT_DONE = "RightDone";
  }
});

// node_modules/effect/dist/esm/internal/channel/mergeState.js
var MergeStateSymbolKey, MergeStateTypeId, proto10, BothRunning, LeftDone, RightDone;
var init_mergeState = __esm({
  "node_modules/effect/dist/esm/internal/channel/mergeState.js"() {
    init_channelMergeState();
    MergeStateSymbolKey = "effect/ChannelMergeState";
    MergeStateTypeId = /* @__PURE__ */ Symbol.for(MergeStateSymbolKey);
    proto10 = {
      [MergeStateTypeId]: MergeStateTypeId
    };
    BothRunning = (left3, right3) => {
      const op = Object.create(proto10);
      op._tag = OP_BOTH_RUNNING;
      op.left = left3;
      op.right = right3;
      return op;
    };
    LeftDone = (f) => {
      const op = Object.create(proto10);
      op._tag = OP_LEFT_DONE;
      op.f = f;
      return op;
    };
    RightDone = (f) => {
      const op = Object.create(proto10);
      op._tag = OP_RIGHT_DONE;
      op.f = f;
      return op;
    };
  }
});

// node_modules/effect/dist/esm/internal/opCodes/channelMergeStrategy.js
var OP_BACK_PRESSURE, OP_BUFFER_SLIDING;
var init_channelMergeStrategy = __esm({
  "node_modules/effect/dist/esm/internal/opCodes/channelMergeStrategy.js"() {
    OP_BACK_PRESSURE = "BackPressure";
    OP_BUFFER_SLIDING = "BufferSliding";
  }
});

// node_modules/effect/dist/esm/internal/channel/mergeStrategy.js
var MergeStrategySymbolKey, MergeStrategyTypeId, proto11, BackPressure, BufferSliding, match13;
var init_mergeStrategy = __esm({
  "node_modules/effect/dist/esm/internal/channel/mergeStrategy.js"() {
    init_Function();
    init_channelMergeStrategy();
    MergeStrategySymbolKey = "effect/ChannelMergeStrategy";
    MergeStrategyTypeId = /* @__PURE__ */ Symbol.for(MergeStrategySymbolKey);
    proto11 = {
      [MergeStrategyTypeId]: MergeStrategyTypeId
    };
    BackPressure = (_) => {
      const op = Object.create(proto11);
      op._tag = OP_BACK_PRESSURE;
      return op;
    };
    BufferSliding = (_) => {
      const op = Object.create(proto11);
      op._tag = OP_BUFFER_SLIDING;
      return op;
    };
    match13 = /* @__PURE__ */ dual(2, (self, {
      onBackPressure,
      onBufferSliding
    }) => {
      switch (self._tag) {
        case OP_BACK_PRESSURE: {
          return onBackPressure();
        }
        case OP_BUFFER_SLIDING: {
          return onBufferSliding();
        }
      }
    });
  }
});

// node_modules/effect/dist/esm/internal/channel/singleProducerAsyncInput.js
var OP_STATE_EMPTY, OP_STATE_EMIT, OP_STATE_ERROR, OP_STATE_DONE2, stateEmpty, stateEmit, stateError, stateDone, SingleProducerAsyncInputImpl, make40;
var init_singleProducerAsyncInput = __esm({
  "node_modules/effect/dist/esm/internal/channel/singleProducerAsyncInput.js"() {
    init_Cause();
    init_Deferred();
    init_Effect();
    init_Either();
    init_Exit();
    init_Function();
    init_Ref();
    OP_STATE_EMPTY = "Empty";
    OP_STATE_EMIT = "Emit";
    OP_STATE_ERROR = "Error";
    OP_STATE_DONE2 = "Done";
    stateEmpty = (notifyProducer) => ({
      _tag: OP_STATE_EMPTY,
      notifyProducer
    });
    stateEmit = (notifyConsumers) => ({
      _tag: OP_STATE_EMIT,
      notifyConsumers
    });
    stateError = (cause2) => ({
      _tag: OP_STATE_ERROR,
      cause: cause2
    });
    stateDone = (done7) => ({
      _tag: OP_STATE_DONE2,
      done: done7
    });
    SingleProducerAsyncInputImpl = class {
      ref;
      constructor(ref) {
        this.ref = ref;
      }
      awaitRead() {
        return flatten5(modify4(this.ref, (state) => state._tag === OP_STATE_EMPTY ? [_await3(state.notifyProducer), state] : [_void, state]));
      }
      get close() {
        return fiberIdWith2((fiberId2) => this.error(interrupt3(fiberId2)));
      }
      done(value2) {
        return flatten5(modify4(this.ref, (state) => {
          switch (state._tag) {
            case OP_STATE_EMPTY: {
              return [_await3(state.notifyProducer), state];
            }
            case OP_STATE_EMIT: {
              return [forEach8(state.notifyConsumers, (deferred) => succeed6(deferred, left2(value2)), {
                discard: true
              }), stateDone(value2)];
            }
            case OP_STATE_ERROR: {
              return [interrupt5, state];
            }
            case OP_STATE_DONE2: {
              return [interrupt5, state];
            }
          }
        }));
      }
      emit(element) {
        return flatMap9(make37(), (deferred) => flatten5(modify4(this.ref, (state) => {
          switch (state._tag) {
            case OP_STATE_EMPTY: {
              return [_await3(state.notifyProducer), state];
            }
            case OP_STATE_EMIT: {
              const notifyConsumer = state.notifyConsumers[0];
              const notifyConsumers = state.notifyConsumers.slice(1);
              if (notifyConsumer !== void 0) {
                return [succeed6(notifyConsumer, right2(element)), notifyConsumers.length === 0 ? stateEmpty(deferred) : stateEmit(notifyConsumers)];
              }
              throw new Error("Bug: Channel.SingleProducerAsyncInput.emit - Queue was empty! please report an issue at https://github.com/Effect-TS/effect/issues");
            }
            case OP_STATE_ERROR: {
              return [interrupt5, state];
            }
            case OP_STATE_DONE2: {
              return [interrupt5, state];
            }
          }
        })));
      }
      error(cause2) {
        return flatten5(modify4(this.ref, (state) => {
          switch (state._tag) {
            case OP_STATE_EMPTY: {
              return [_await3(state.notifyProducer), state];
            }
            case OP_STATE_EMIT: {
              return [forEach8(state.notifyConsumers, (deferred) => failCause5(deferred, cause2), {
                discard: true
              }), stateError(cause2)];
            }
            case OP_STATE_ERROR: {
              return [interrupt5, state];
            }
            case OP_STATE_DONE2: {
              return [interrupt5, state];
            }
          }
        }));
      }
      get take() {
        return this.takeWith((cause2) => failCause3(map14(cause2, left2)), (elem) => succeed3(elem), (done7) => fail3(right2(done7)));
      }
      takeWith(onError4, onElement, onDone2) {
        return flatMap9(make37(), (deferred) => flatten5(modify4(this.ref, (state) => {
          switch (state._tag) {
            case OP_STATE_EMPTY: {
              return [zipRight3(succeed6(state.notifyProducer, void 0), matchCause3(_await3(deferred), {
                onFailure: onError4,
                onSuccess: match({
                  onLeft: onDone2,
                  onRight: onElement
                })
              })), stateEmit([deferred])];
            }
            case OP_STATE_EMIT: {
              return [matchCause3(_await3(deferred), {
                onFailure: onError4,
                onSuccess: match({
                  onLeft: onDone2,
                  onRight: onElement
                })
              }), stateEmit([...state.notifyConsumers, deferred])];
            }
            case OP_STATE_ERROR: {
              return [succeed7(onError4(state.cause)), state];
            }
            case OP_STATE_DONE2: {
              return [succeed7(onDone2(state.done)), state];
            }
          }
        })));
      }
    };
    make40 = () => pipe(make37(), flatMap9((deferred) => make24(stateEmpty(deferred))), map17((ref) => new SingleProducerAsyncInputImpl(ref)));
  }
});

// node_modules/effect/dist/esm/internal/channel.js
var concatMap, drain, ensuring3, flatten7, fromInput, map19, mapError4, mapErrorCause2, mapOut, mapOutEffectPar, mergeAll5, mergeAllWith, mergeMap, mergeWith2, pipeToOrFail, run, runDrain, scoped3, scopedWith3, toPullIn, interpretToPull, unwrap, unwrapScoped2, unwrapScopedWith, writeChunk, writeChunkWriter, zip6, zipRight4, ChannelExceptionTypeId, ChannelException, isChannelException;
var init_channel2 = __esm({
  "node_modules/effect/dist/esm/internal/channel.js"() {
    init_Cause();
    init_Chunk();
    init_Deferred();
    init_Effect();
    init_Either();
    init_Equal();
    init_Exit();
    init_Fiber();
    init_Function();
    init_Option();
    init_Predicate();
    init_Queue();
    init_Ref();
    init_Scope();
    init_channelExecutor();
    init_mergeDecision();
    init_mergeState();
    init_mergeStrategy();
    init_singleProducerAsyncInput();
    init_core_stream();
    init_channelMergeDecision();
    init_channelMergeState();
    init_channelState();
    concatMap = /* @__PURE__ */ dual(2, (self, f) => concatMapWith(self, f, () => void 0, () => void 0));
    drain = (self) => {
      const drainer = readWithCause({
        onInput: () => drainer,
        onFailure: failCause8,
        onDone: succeed9
      });
      return pipeTo(self, drainer);
    };
    ensuring3 = /* @__PURE__ */ dual(2, (self, finalizer2) => ensuringWith(self, () => finalizer2));
    flatten7 = (self) => flatMap11(self, identity);
    fromInput = (input) => unwrap(input.takeWith(failCause8, (elem) => flatMap11(write(elem), () => fromInput(input)), succeed9));
    map19 = /* @__PURE__ */ dual(2, (self, f) => flatMap11(self, (a) => sync5(() => f(a))));
    mapError4 = /* @__PURE__ */ dual(2, (self, f) => mapErrorCause2(self, map14(f)));
    mapErrorCause2 = /* @__PURE__ */ dual(2, (self, f) => catchAllCause4(self, (cause2) => failCause8(f(cause2))));
    mapOut = /* @__PURE__ */ dual(2, (self, f) => {
      const reader4 = readWith({
        onInput: (outElem) => flatMap11(write(f(outElem)), () => reader4),
        onFailure: fail8,
        onDone: succeedNow
      });
      return pipeTo(self, reader4);
    });
    mapOutEffectPar = /* @__PURE__ */ dual(3, (self, f, n2) => unwrapScopedWith((scope4) => gen2(function* () {
      const input = yield* make40();
      const queueReader = fromInput(input);
      const queue = yield* bounded3(n2);
      yield* addFinalizer2(scope4, shutdown2(queue));
      const errorSignal = yield* make37();
      const withPermits = n2 === Number.POSITIVE_INFINITY ? (_) => identity : (yield* makeSemaphore2(n2)).withPermits;
      const pull = yield* queueReader.pipe(pipeTo(self), toPullIn(scope4));
      yield* pull.pipe(matchCauseEffect3({
        onFailure: (cause2) => offer3(queue, failCause6(cause2)),
        onSuccess: match({
          onLeft: (outDone) => zipRight3(interruptible4(withPermits(n2)(_void)), asVoid2(offer3(queue, succeed7(left2(outDone))))),
          onRight: (outElem) => gen2(function* () {
            const deferred = yield* make37();
            const latch = yield* make37();
            yield* offer3(queue, map17(_await3(deferred), right2));
            yield* succeed6(latch, void 0).pipe(zipRight3(uninterruptibleMask3((restore) => exit3(restore(_await3(errorSignal))).pipe(raceFirst2(exit3(restore(f(outElem)))), flatMap9(identity))).pipe(tapErrorCause2((cause2) => failCause5(errorSignal, cause2)), intoDeferred2(deferred))), withPermits(1), forkIn2(scope4));
            yield* _await3(latch);
          })
        })
      }), forever3, interruptible4, forkIn2(scope4));
      const consumer = unwrap(matchCause3(flatten5(take3(queue)), {
        onFailure: failCause8,
        onSuccess: match({
          onLeft: succeedNow,
          onRight: (outElem) => flatMap11(write(outElem), () => consumer)
        })
      }));
      return embedInput(consumer, input);
    })));
    mergeAll5 = (options3) => {
      return (channels) => mergeAllWith(options3)(channels, constVoid);
    };
    mergeAllWith = ({
      bufferSize = 16,
      concurrency,
      mergeStrategy = BackPressure()
    }) => (channels, f) => unwrapScopedWith((scope4) => gen2(function* () {
      const concurrencyN = concurrency === "unbounded" ? Number.MAX_SAFE_INTEGER : concurrency;
      const input = yield* make40();
      const queueReader = fromInput(input);
      const queue = yield* bounded3(bufferSize);
      yield* addFinalizer2(scope4, shutdown2(queue));
      const cancelers = yield* unbounded3();
      yield* addFinalizer2(scope4, shutdown2(cancelers));
      const lastDone = yield* make24(none2());
      const errorSignal = yield* make37();
      const withPermits = (yield* makeSemaphore2(concurrencyN)).withPermits;
      const pull = yield* toPullIn(pipeTo(queueReader, channels), scope4);
      function evaluatePull(pull2) {
        return pull2.pipe(flatMap9(match({
          onLeft: (done7) => succeed7(some2(done7)),
          onRight: (outElem) => as4(offer3(queue, succeed7(right2(outElem))), none2())
        })), repeat({
          until: (_) => isSome2(_)
        }), flatMap9((outDone) => update3(lastDone, match2({
          onNone: () => some2(outDone.value),
          onSome: (lastDone2) => some2(f(lastDone2, outDone.value))
        }))), catchAllCause2((cause2) => isInterrupted2(cause2) ? failCause6(cause2) : offer3(queue, failCause6(cause2)).pipe(zipRight3(succeed6(errorSignal, void 0)), asVoid2)));
      }
      yield* pull.pipe(matchCauseEffect3({
        onFailure: (cause2) => offer3(queue, failCause6(cause2)).pipe(zipRight3(succeed7(false))),
        onSuccess: match({
          onLeft: (outDone) => raceWith2(interruptible4(_await3(errorSignal)), interruptible4(withPermits(concurrencyN)(_void)), {
            onSelfDone: (_, permitAcquisition) => as4(interrupt4(permitAcquisition), false),
            onOtherDone: (_, failureAwait) => zipRight3(interrupt4(failureAwait), get11(lastDone).pipe(flatMap9(match2({
              onNone: () => offer3(queue, succeed7(left2(outDone))),
              onSome: (lastDone2) => offer3(queue, succeed7(left2(f(lastDone2, outDone))))
            })), as4(false)))
          }),
          onRight: (channel) => match13(mergeStrategy, {
            onBackPressure: () => gen2(function* () {
              const latch = yield* make37();
              const raceEffects = scopedWith2((scope5) => toPullIn(pipeTo(queueReader, channel), scope5).pipe(flatMap9((pull2) => race2(exit3(evaluatePull(pull2)), exit3(interruptible4(_await3(errorSignal))))), flatMap9(identity)));
              yield* succeed6(latch, void 0).pipe(zipRight3(raceEffects), withPermits(1), forkIn2(scope4));
              yield* _await3(latch);
              const errored = yield* isDone5(errorSignal);
              return !errored;
            }),
            onBufferSliding: () => gen2(function* () {
              const canceler = yield* make37();
              const latch = yield* make37();
              const size11 = yield* size10(cancelers);
              yield* take3(cancelers).pipe(flatMap9((canceler2) => succeed6(canceler2, void 0)), when2(() => size11 >= concurrencyN));
              yield* offer3(cancelers, canceler);
              const raceEffects = scopedWith2((scope5) => toPullIn(pipeTo(queueReader, channel), scope5).pipe(flatMap9((pull2) => exit3(evaluatePull(pull2)).pipe(race2(exit3(interruptible4(_await3(errorSignal)))), race2(exit3(interruptible4(_await3(canceler)))))), flatMap9(identity)));
              yield* succeed6(latch, void 0).pipe(zipRight3(raceEffects), withPermits(1), forkIn2(scope4));
              yield* _await3(latch);
              const errored = yield* isDone5(errorSignal);
              return !errored;
            })
          })
        })
      }), repeat({
        while: (_) => _
      }), forkIn2(scope4));
      const consumer = pipe(take3(queue), flatten5, matchCause3({
        onFailure: failCause8,
        onSuccess: match({
          onLeft: succeedNow,
          onRight: (outElem) => flatMap11(write(outElem), () => consumer)
        })
      }), unwrap);
      return embedInput(consumer, input);
    }));
    mergeMap = /* @__PURE__ */ dual(3, (self, f, options3) => mergeAll5(options3)(mapOut(self, f)));
    mergeWith2 = /* @__PURE__ */ dual(2, (self, options3) => {
      function merge8(scope4) {
        return gen2(function* () {
          const input = yield* make40();
          const queueReader = fromInput(input);
          const pullL = yield* toPullIn(pipeTo(queueReader, self), scope4);
          const pullR = yield* toPullIn(pipeTo(queueReader, options3.other), scope4);
          function handleSide(exit4, fiber, pull) {
            return (done7, both2, single) => {
              function onDecision(decision) {
                const op = decision;
                if (op._tag === OP_DONE4) {
                  return succeed7(fromEffect4(zipRight3(interrupt4(fiber), op.effect)));
                }
                return map17(_await2(fiber), match9({
                  onFailure: (cause2) => fromEffect4(op.f(failCause3(cause2))),
                  onSuccess: match({
                    onLeft: (done8) => fromEffect4(op.f(succeed3(done8))),
                    onRight: (elem) => zipRight4(write(elem), go2(single(op.f)))
                  })
                }));
              }
              return match9(exit4, {
                onFailure: (cause2) => onDecision(done7(failCause3(cause2))),
                onSuccess: match({
                  onLeft: (z) => onDecision(done7(succeed3(z))),
                  onRight: (elem) => succeed7(flatMap11(write(elem), () => flatMap11(fromEffect4(forkIn2(interruptible4(pull), scope4)), (leftFiber) => go2(both2(leftFiber, fiber)))))
                })
              });
            };
          }
          function go2(state) {
            switch (state._tag) {
              case OP_BOTH_RUNNING: {
                const leftJoin = interruptible4(join3(state.left));
                const rightJoin = interruptible4(join3(state.right));
                return unwrap(raceWith2(leftJoin, rightJoin, {
                  onSelfDone: (leftExit, rf) => zipRight3(interrupt4(rf), handleSide(leftExit, state.right, pullL)(options3.onSelfDone, BothRunning, (f) => LeftDone(f))),
                  onOtherDone: (rightExit, lf) => zipRight3(interrupt4(lf), handleSide(rightExit, state.left, pullR)(options3.onOtherDone, (left3, right3) => BothRunning(right3, left3), (f) => RightDone(f)))
                }));
              }
              case OP_LEFT_DONE: {
                return unwrap(map17(exit3(pullR), match9({
                  onFailure: (cause2) => fromEffect4(state.f(failCause3(cause2))),
                  onSuccess: match({
                    onLeft: (done7) => fromEffect4(state.f(succeed3(done7))),
                    onRight: (elem) => flatMap11(write(elem), () => go2(LeftDone(state.f)))
                  })
                })));
              }
              case OP_RIGHT_DONE: {
                return unwrap(map17(exit3(pullL), match9({
                  onFailure: (cause2) => fromEffect4(state.f(failCause3(cause2))),
                  onSuccess: match({
                    onLeft: (done7) => fromEffect4(state.f(succeed3(done7))),
                    onRight: (elem) => flatMap11(write(elem), () => go2(RightDone(state.f)))
                  })
                })));
              }
            }
          }
          return fromEffect4(withFiberRuntime2((parent) => {
            const inherit = withFiberRuntime2((state) => {
              ;
              state.transferChildren(parent.scope());
              return _void;
            });
            const leftFiber = interruptible4(pullL).pipe(ensuring2(inherit), forkIn2(scope4));
            const rightFiber = interruptible4(pullR).pipe(ensuring2(inherit), forkIn2(scope4));
            return zipWith3(leftFiber, rightFiber, (left3, right3) => BothRunning(left3, right3));
          })).pipe(flatMap11(go2), embedInput(input));
        });
      }
      return unwrapScopedWith(merge8);
    });
    pipeToOrFail = /* @__PURE__ */ dual(2, (self, that) => suspend5(() => {
      let channelException = void 0;
      const reader4 = readWith({
        onInput: (outElem) => flatMap11(write(outElem), () => reader4),
        onFailure: (outErr) => {
          channelException = ChannelException(outErr);
          return failCause8(die4(channelException));
        },
        onDone: succeedNow
      });
      const writer = readWithCause({
        onInput: (outElem) => pipe(write(outElem), flatMap11(() => writer)),
        onFailure: (cause2) => isDieType2(cause2) && isChannelException(cause2.defect) && equals(cause2.defect, channelException) ? fail8(cause2.defect.error) : failCause8(cause2),
        onDone: succeedNow
      });
      return pipeTo(pipeTo(pipeTo(self, reader4), that), writer);
    }));
    run = (self) => scopedWith2((scope4) => runIn(self, scope4));
    runDrain = (self) => run(drain(self));
    scoped3 = (effect3) => unwrap(uninterruptibleMask3((restore) => map17(make35(), (scope4) => acquireReleaseOut(tapErrorCause2(restore(extend2(effect3, scope4)), (cause2) => close(scope4, failCause3(cause2))), (_, exit4) => close(scope4, exit4)))));
    scopedWith3 = (f) => unwrapScoped2(map17(scope2, (scope4) => flatMap11(fromEffect4(f(scope4)), write)));
    toPullIn = /* @__PURE__ */ dual(2, (self, scope4) => zip5(sync4(() => new ChannelExecutor(self, void 0, identity)), runtime3()).pipe(tap2(([executor, runtime4]) => addFinalizerExit(scope4, (exit4) => {
      const finalizer2 = executor.close(exit4);
      return finalizer2 !== void 0 ? provide2(finalizer2, runtime4) : _void;
    })), uninterruptible2, map17(([executor]) => suspend4(() => interpretToPull(executor.run(), executor)))));
    interpretToPull = (channelState, exec) => {
      const state = channelState;
      switch (state._tag) {
        case OP_DONE3: {
          return match9(exec.getDone(), {
            onFailure: failCause6,
            onSuccess: (done7) => succeed7(left2(done7))
          });
        }
        case OP_EMIT2: {
          return succeed7(right2(exec.getEmit()));
        }
        case OP_FROM_EFFECT3: {
          return pipe(state.effect, flatMap9(() => interpretToPull(exec.run(), exec)));
        }
        case OP_READ2: {
          return readUpstream(state, () => interpretToPull(exec.run(), exec), (cause2) => failCause6(cause2));
        }
      }
    };
    unwrap = (channel) => flatten7(fromEffect4(channel));
    unwrapScoped2 = (self) => concatAllWith(scoped3(self), (d, _) => d, (d, _) => d);
    unwrapScopedWith = (f) => concatAllWith(scopedWith3(f), (d, _) => d, (d, _) => d);
    writeChunk = (outs) => writeChunkWriter(0, outs.length, outs);
    writeChunkWriter = (idx, len, chunk3) => {
      return idx === len ? void_5 : pipe(write(pipe(chunk3, unsafeGet2(idx))), flatMap11(() => writeChunkWriter(idx + 1, len, chunk3)));
    };
    zip6 = /* @__PURE__ */ dual((args2) => isChannel(args2[1]), (self, that, options3) => options3?.concurrent ? mergeWith2(self, {
      other: that,
      onSelfDone: (exit1) => Await((exit22) => suspend4(() => zip3(exit1, exit22))),
      onOtherDone: (exit22) => Await((exit1) => suspend4(() => zip3(exit1, exit22)))
    }) : flatMap11(self, (a) => map19(that, (b) => [a, b])));
    zipRight4 = /* @__PURE__ */ dual((args2) => isChannel(args2[1]), (self, that, options3) => options3?.concurrent ? map19(zip6(self, that, {
      concurrent: true
    }), (tuple) => tuple[1]) : flatMap11(self, () => that));
    ChannelExceptionTypeId = /* @__PURE__ */ Symbol.for("effect/Channel/ChannelException");
    ChannelException = (error) => ({
      _tag: "ChannelException",
      [ChannelExceptionTypeId]: ChannelExceptionTypeId,
      error
    });
    isChannelException = (u) => hasProperty(u, ChannelExceptionTypeId);
  }
});

// node_modules/effect/dist/esm/internal/sink.js
var SinkTypeId2, sinkVariance2, SinkImpl, forEach9, fromEffect6, toChannel;
var init_sink = __esm({
  "node_modules/effect/dist/esm/internal/sink.js"() {
    init_Effect();
    init_Function();
    init_Pipeable();
    init_core_stream();
    SinkTypeId2 = /* @__PURE__ */ Symbol.for("effect/Sink");
    sinkVariance2 = {
      /* c8 ignore next */
      _A: (_) => _,
      /* c8 ignore next */
      _In: (_) => _,
      /* c8 ignore next */
      _L: (_) => _,
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    SinkImpl = class {
      channel;
      [SinkTypeId2] = sinkVariance2;
      constructor(channel) {
        this.channel = channel;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    forEach9 = (f) => {
      const process2 = readWithCause({
        onInput: (input) => pipe(fromEffect4(forEach8(input, (v) => f(v), {
          discard: true
        })), flatMap11(() => process2)),
        onFailure: failCause8,
        onDone: () => void_5
      });
      return new SinkImpl(process2);
    };
    fromEffect6 = (effect3) => new SinkImpl(fromEffect4(effect3));
    toChannel = (self) => isEffect2(self) ? toChannel(fromEffect6(self)) : self.channel;
  }
});

// node_modules/effect/dist/esm/internal/take.js
var TakeSymbolKey, TakeTypeId, takeVariance, TakeImpl, chunk2, end3, failCause9, of4;
var init_take = __esm({
  "node_modules/effect/dist/esm/internal/take.js"() {
    init_Cause();
    init_Chunk();
    init_Exit();
    init_Function();
    init_Option();
    init_Pipeable();
    TakeSymbolKey = "effect/Take";
    TakeTypeId = /* @__PURE__ */ Symbol.for(TakeSymbolKey);
    takeVariance = {
      /* c8 ignore next */
      _A: (_) => _,
      /* c8 ignore next */
      _E: (_) => _
    };
    TakeImpl = class {
      exit;
      [TakeTypeId] = takeVariance;
      constructor(exit4) {
        this.exit = exit4;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    chunk2 = (chunk3) => new TakeImpl(succeed3(chunk3));
    end3 = /* @__PURE__ */ new TakeImpl(/* @__PURE__ */ fail3(/* @__PURE__ */ none2()));
    failCause9 = (cause2) => new TakeImpl(failCause3(pipe(cause2, map14(some2))));
    of4 = (value2) => new TakeImpl(succeed3(of2(value2)));
  }
});

// node_modules/effect/dist/esm/internal/stream/pull.js
var end4, failCause10;
var init_pull = __esm({
  "node_modules/effect/dist/esm/internal/stream/pull.js"() {
    init_Effect();
    init_Option();
    end4 = () => fail6(none2());
    failCause10 = (cause2) => mapError2(failCause6(cause2), some2);
  }
});

// node_modules/effect/dist/esm/internal/stream.js
var StreamSymbolKey, StreamTypeId2, streamVariance, StreamImpl, isStream, DefaultChunkSize, concat2, ensuring4, fail10, flatMap13, matchConcurrency, flatMapParSwitchBuffer, flatten9, flattenChunks, flattenExitOption, flattenTake, toChannel2, fromEffect7, fromEffectOption, fromQueue, fromReadableStream, map20, mapEffectSequential, mapEffectPar, mapError5, repeatEffectChunkOption, repeatEffectOption, run2, runForEach, scoped4, scopedWith4, suspend6, takeUntil2, unfoldChunkEffect, unwrapScoped3, unwrapScopedWith2;
var init_stream = __esm({
  "node_modules/effect/dist/esm/internal/stream.js"() {
    init_Cause();
    init_Chunk();
    init_Effect();
    init_Exit();
    init_Function();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_Queue();
    init_channel2();
    init_mergeStrategy();
    init_core_stream();
    init_sink();
    init_pull();
    StreamSymbolKey = "effect/Stream";
    StreamTypeId2 = /* @__PURE__ */ Symbol.for(StreamSymbolKey);
    streamVariance = {
      _R: (_) => _,
      _E: (_) => _,
      _A: (_) => _
    };
    StreamImpl = class {
      channel;
      [StreamTypeId2] = streamVariance;
      constructor(channel) {
        this.channel = channel;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    isStream = (u) => hasProperty(u, StreamTypeId2) || isEffect2(u);
    DefaultChunkSize = 4096;
    concat2 = /* @__PURE__ */ dual(2, (self, that) => new StreamImpl(pipe(toChannel2(self), zipRight4(toChannel2(that)))));
    ensuring4 = /* @__PURE__ */ dual(2, (self, finalizer2) => new StreamImpl(pipe(toChannel2(self), ensuring3(finalizer2))));
    fail10 = (error) => fromEffectOption(fail6(some2(error)));
    flatMap13 = /* @__PURE__ */ dual((args2) => isStream(args2[0]), (self, f, options3) => {
      const bufferSize = options3?.bufferSize ?? 16;
      if (options3?.switch) {
        return matchConcurrency(options3?.concurrency, () => flatMapParSwitchBuffer(self, 1, bufferSize, f), (n2) => flatMapParSwitchBuffer(self, n2, bufferSize, f));
      }
      return matchConcurrency(options3?.concurrency, () => new StreamImpl(concatMap(toChannel2(self), (as6) => pipe(as6, map5((a) => toChannel2(f(a))), reduce2(void_5, (left3, right3) => pipe(left3, zipRight4(right3)))))), (_) => new StreamImpl(pipe(toChannel2(self), concatMap(writeChunk), mergeMap((out) => toChannel2(f(out)), options3))));
    });
    matchConcurrency = (concurrency, sequential4, bounded4) => {
      switch (concurrency) {
        case void 0:
          return sequential4();
        case "unbounded":
          return bounded4(Number.MAX_SAFE_INTEGER);
        default:
          return concurrency > 1 ? bounded4(concurrency) : sequential4();
      }
    };
    flatMapParSwitchBuffer = /* @__PURE__ */ dual(4, (self, n2, bufferSize, f) => new StreamImpl(pipe(toChannel2(self), concatMap(writeChunk), mergeMap((out) => toChannel2(f(out)), {
      concurrency: n2,
      mergeStrategy: BufferSliding(),
      bufferSize
    }))));
    flatten9 = /* @__PURE__ */ dual((args2) => isStream(args2[0]), (self, options3) => flatMap13(self, identity, options3));
    flattenChunks = (self) => {
      const flatten11 = readWithCause({
        onInput: (chunks2) => flatMap11(writeChunk(chunks2), () => flatten11),
        onFailure: failCause8,
        onDone: () => void_5
      });
      return new StreamImpl(pipe(toChannel2(self), pipeTo(flatten11)));
    };
    flattenExitOption = (self) => {
      const processChunk = (chunk3, cont) => {
        const [toEmit, rest] = pipe(chunk3, splitWhere((exit4) => !isSuccess(exit4)));
        const next = pipe(head2(rest), match2({
          onNone: () => cont,
          onSome: match9({
            onFailure: (cause2) => match2(flipCauseOption2(cause2), {
              onNone: () => void_5,
              onSome: failCause8
            }),
            onSuccess: () => void_5
          })
        }));
        return pipe(write(pipe(toEmit, filterMap2((exit4) => isSuccess(exit4) ? some2(exit4.value) : none2()))), flatMap11(() => next));
      };
      const process2 = readWithCause({
        onInput: (chunk3) => processChunk(chunk3, process2),
        onFailure: (cause2) => failCause8(cause2),
        onDone: () => void_5
      });
      return new StreamImpl(pipe(toChannel2(self), pipeTo(process2)));
    };
    flattenTake = (self) => flattenChunks(flattenExitOption(pipe(self, map20((take5) => take5.exit))));
    toChannel2 = (stream3) => {
      if ("channel" in stream3) {
        return stream3.channel;
      } else if (isEffect2(stream3)) {
        return toChannel2(fromEffect7(stream3));
      } else {
        throw new TypeError(`Expected a Stream.`);
      }
    };
    fromEffect7 = (effect3) => pipe(effect3, mapError2(some2), fromEffectOption);
    fromEffectOption = (effect3) => new StreamImpl(unwrap(match11(effect3, {
      onFailure: match2({
        onNone: () => void_5,
        onSome: fail8
      }),
      onSuccess: (a) => write(of2(a))
    })));
    fromQueue = (queue, options3) => pipe(takeBetween2(queue, 1, options3?.maxChunkSize ?? DefaultChunkSize), catchAllCause2((cause2) => pipe(isShutdown2(queue), flatMap9((isShutdown3) => isShutdown3 && isInterrupted2(cause2) ? end4() : failCause10(cause2)))), repeatEffectChunkOption, options3?.shutdown ? ensuring4(shutdown2(queue)) : identity);
    fromReadableStream = (...args2) => {
      const evaluate3 = args2.length === 1 ? args2[0].evaluate : args2[0];
      const onError4 = args2.length === 1 ? args2[0].onError : args2[1];
      const releaseLockOnEnd = args2.length === 1 ? args2[0].releaseLockOnEnd === true : false;
      return unwrapScoped3(map17(acquireRelease2(sync4(() => evaluate3().getReader()), (reader4) => releaseLockOnEnd ? sync4(() => reader4.releaseLock()) : promise2(() => reader4.cancel())), (reader4) => repeatEffectOption(flatMap9(tryPromise2({
        try: () => reader4.read(),
        catch: (reason) => some2(onError4(reason))
      }), ({
        done: done7,
        value: value2
      }) => done7 ? fail6(none2()) : succeed7(value2)))));
    };
    map20 = /* @__PURE__ */ dual(2, (self, f) => new StreamImpl(pipe(toChannel2(self), mapOut(map5(f)))));
    mapEffectSequential = /* @__PURE__ */ dual(2, (self, f) => {
      const loop2 = (iterator) => {
        const next = iterator.next();
        if (next.done) {
          return readWithCause({
            onInput: (elem) => loop2(elem[Symbol.iterator]()),
            onFailure: failCause8,
            onDone: succeed9
          });
        } else {
          const value2 = next.value;
          return unwrap(map17(f(value2), (a2) => flatMap11(write(of2(a2)), () => loop2(iterator))));
        }
      };
      return new StreamImpl(pipe(toChannel2(self), pipeTo(suspend5(() => loop2(empty2()[Symbol.iterator]())))));
    });
    mapEffectPar = /* @__PURE__ */ dual(3, (self, n2, f) => new StreamImpl(pipe(toChannel2(self), concatMap(writeChunk), mapOutEffectPar(f, n2), mapOut(of2))));
    mapError5 = /* @__PURE__ */ dual(2, (self, f) => new StreamImpl(pipe(toChannel2(self), mapError4(f))));
    repeatEffectChunkOption = (effect3) => unfoldChunkEffect(effect3, (effect4) => pipe(map17(effect4, (chunk3) => some2([chunk3, effect4])), catchAll2(match2({
      onNone: () => succeed7(none2()),
      onSome: fail6
    }))));
    repeatEffectOption = (effect3) => repeatEffectChunkOption(pipe(effect3, map17(of2)));
    run2 = /* @__PURE__ */ dual(2, (self, sink) => toChannel2(self).pipe(pipeToOrFail(toChannel(sink)), runDrain));
    runForEach = /* @__PURE__ */ dual(2, (self, f) => run2(self, forEach9(f)));
    scoped4 = (effect3) => new StreamImpl(ensuring3(scoped3(pipe(effect3, map17(of2))), _void));
    scopedWith4 = (f) => new StreamImpl(scopedWith3((scope4) => f(scope4).pipe(map17(of2))));
    suspend6 = (stream3) => new StreamImpl(suspend5(() => toChannel2(stream3())));
    takeUntil2 = /* @__PURE__ */ dual(2, (self, predicate) => {
      const loop2 = readWith({
        onInput: (input) => {
          const taken = pipe(input, takeWhile((a) => !predicate(a)));
          const last5 = pipe(input, drop2(taken.length), take(1));
          if (isEmpty(last5)) {
            return pipe(write(taken), flatMap11(() => loop2));
          }
          return write(pipe(taken, appendAll2(last5)));
        },
        onFailure: fail8,
        onDone: succeed9
      });
      return new StreamImpl(pipe(toChannel2(self), pipeToOrFail(loop2)));
    });
    unfoldChunkEffect = (s, f) => suspend6(() => {
      const loop2 = (s2) => unwrap(map17(f(s2), match2({
        onNone: () => void_5,
        onSome: ([chunk3, s3]) => flatMap11(write(chunk3), () => loop2(s3))
      })));
      return new StreamImpl(loop2(s));
    });
    unwrapScoped3 = (effect3) => flatten9(scoped4(effect3));
    unwrapScopedWith2 = (f) => flatten9(scopedWith4((scope4) => f(scope4)));
  }
});

// node_modules/effect/dist/esm/internal/groupBy.js
var GroupBySymbolKey, GroupByTypeId, groupByVariance, isGroupBy, evaluate2, make41, mapEffectOptions, MapDequeue, groupByKey, groupByIterable;
var init_groupBy = __esm({
  "node_modules/effect/dist/esm/internal/groupBy.js"() {
    init_Cause();
    init_Chunk();
    init_Effect();
    init_Effectable();
    init_Function();
    init_Option();
    init_Pipeable();
    init_Predicate();
    init_Queue();
    init_Scope();
    init_channel2();
    init_channelExecutor();
    init_core_stream();
    init_stream();
    init_take();
    GroupBySymbolKey = "effect/GroupBy";
    GroupByTypeId = /* @__PURE__ */ Symbol.for(GroupBySymbolKey);
    groupByVariance = {
      /* c8 ignore next */
      _R: (_) => _,
      /* c8 ignore next */
      _E: (_) => _,
      /* c8 ignore next */
      _K: (_) => _,
      /* c8 ignore next */
      _V: (_) => _
    };
    isGroupBy = (u) => hasProperty(u, GroupByTypeId);
    evaluate2 = /* @__PURE__ */ dual((args2) => isGroupBy(args2[0]), (self, f, options3) => flatMap13(self.grouped, ([key, queue]) => f(key, flattenTake(fromQueue(queue, {
      shutdown: true
    }))), {
      concurrency: "unbounded",
      bufferSize: options3?.bufferSize ?? 16
    }));
    make41 = (grouped2) => ({
      [GroupByTypeId]: groupByVariance,
      pipe() {
        return pipeArguments(this, arguments);
      },
      grouped: grouped2
    });
    mapEffectOptions = /* @__PURE__ */ dual((args2) => typeof args2[0] !== "function", (self, f, options3) => {
      if (options3?.key) {
        return evaluate2(groupByKey(self, options3.key, {
          bufferSize: options3.bufferSize
        }), (_, s) => mapEffectSequential(s, f));
      }
      return matchConcurrency(options3?.concurrency, () => mapEffectSequential(self, f), (n2) => options3?.unordered ? flatMap13(self, (a) => fromEffect7(f(a)), {
        concurrency: n2
      }) : mapEffectPar(self, n2, f));
    });
    MapDequeue = class extends Class2 {
      dequeue;
      f;
      [DequeueTypeId2] = {
        _Out: (_) => _
      };
      constructor(dequeue, f) {
        super();
        this.dequeue = dequeue;
        this.f = f;
      }
      capacity() {
        return capacity3(this.dequeue);
      }
      get size() {
        return size10(this.dequeue);
      }
      unsafeSize() {
        return this.dequeue.unsafeSize();
      }
      get awaitShutdown() {
        return awaitShutdown2(this.dequeue);
      }
      isActive() {
        return this.dequeue.isActive();
      }
      get isShutdown() {
        return isShutdown2(this.dequeue);
      }
      get shutdown() {
        return shutdown2(this.dequeue);
      }
      get isFull() {
        return isFull2(this.dequeue);
      }
      get isEmpty() {
        return isEmpty11(this.dequeue);
      }
      get take() {
        return pipe(take3(this.dequeue), map17((a) => this.f(a)));
      }
      get takeAll() {
        return pipe(takeAll2(this.dequeue), map17(map5((a) => this.f(a))));
      }
      takeUpTo(max5) {
        return pipe(takeUpTo2(this.dequeue, max5), map17(map5((a) => this.f(a))));
      }
      takeBetween(min3, max5) {
        return pipe(takeBetween2(this.dequeue, min3, max5), map17(map5((a) => this.f(a))));
      }
      takeN(n2) {
        return pipe(takeN2(this.dequeue, n2), map17(map5((a) => this.f(a))));
      }
      poll() {
        return pipe(poll4(this.dequeue), map17(map2((a) => this.f(a))));
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      commit() {
        return this.take;
      }
    };
    groupByKey = /* @__PURE__ */ dual((args2) => typeof args2[0] !== "function", (self, f, options3) => {
      const loop2 = (map22, outerQueue) => readWithCause({
        onInput: (input) => flatMap11(fromEffect4(forEach8(groupByIterable(input, f), ([key, values3]) => {
          const innerQueue = map22.get(key);
          if (innerQueue === void 0) {
            return pipe(bounded3(options3?.bufferSize ?? 16), flatMap9((innerQueue2) => pipe(sync4(() => {
              map22.set(key, innerQueue2);
            }), zipRight3(offer3(outerQueue, of4([key, innerQueue2]))), zipRight3(pipe(offer3(innerQueue2, chunk2(values3)), catchSomeCause2((cause2) => isInterruptedOnly2(cause2) ? some2(_void) : none2()))))));
          }
          return catchSomeCause2(offer3(innerQueue, chunk2(values3)), (cause2) => isInterruptedOnly2(cause2) ? some2(_void) : none2());
        }, {
          discard: true
        })), () => loop2(map22, outerQueue)),
        onFailure: (cause2) => fromEffect4(offer3(outerQueue, failCause9(cause2))),
        onDone: () => fromEffect4(pipe(forEach8(map22.entries(), ([_, innerQueue]) => pipe(offer3(innerQueue, end3), catchSomeCause2((cause2) => isInterruptedOnly2(cause2) ? some2(_void) : none2())), {
          discard: true
        }), zipRight3(offer3(outerQueue, end3))))
      });
      return make41(unwrapScopedWith2((scope4) => gen2(function* () {
        const map22 = /* @__PURE__ */ new Map();
        const queue = yield* unbounded3();
        yield* addFinalizer2(scope4, shutdown2(queue));
        return yield* toChannel2(self).pipe(pipeTo(loop2(map22, queue)), drain, runIn(scope4), forkIn2(scope4), as4(flattenTake(fromQueue(queue, {
          shutdown: true
        }))));
      })));
    });
    groupByIterable = /* @__PURE__ */ dual(2, (iterable, f) => {
      const builder = [];
      const iterator = iterable[Symbol.iterator]();
      const map22 = /* @__PURE__ */ new Map();
      let next;
      while ((next = iterator.next()) && !next.done) {
        const value2 = next.value;
        const key = f(value2);
        if (map22.has(key)) {
          const innerBuilder = map22.get(key);
          innerBuilder.push(value2);
        } else {
          const innerBuilder = [value2];
          builder.push([key, innerBuilder]);
          map22.set(key, innerBuilder);
        }
      }
      return unsafeFromArray(builder.map((tuple) => [tuple[0], unsafeFromArray(tuple[1])]));
    });
  }
});

// node_modules/effect/dist/esm/Stream.js
var concat3, ensuring5, fail11, flattenChunks2, fromEffect8, fromReadableStream2, mapEffect3, mapError6, runForEach2, suspend7, takeUntil3;
var init_Stream = __esm({
  "node_modules/effect/dist/esm/Stream.js"() {
    init_groupBy();
    init_stream();
    concat3 = concat2;
    ensuring5 = ensuring4;
    fail11 = fail10;
    flattenChunks2 = flattenChunks;
    fromEffect8 = fromEffect7;
    fromReadableStream2 = fromReadableStream;
    mapEffect3 = mapEffectOptions;
    mapError6 = mapError5;
    runForEach2 = runForEach;
    suspend7 = suspend6;
    takeUntil3 = takeUntil2;
  }
});

// src/services/Models.ts
var Models;
var init_Models = __esm({
  "src/services/Models.ts"() {
    "use strict";
    init_Context();
    Models = class extends Tag2("letta/Models")() {
    };
  }
});

// node_modules/effect/dist/esm/internal/redacted.js
var RedactedSymbolKey, redactedRegistry, RedactedTypeId, proto12, isRedacted, make43;
var init_redacted = __esm({
  "node_modules/effect/dist/esm/internal/redacted.js"() {
    init_Equal();
    init_Function();
    init_GlobalValue();
    init_Hash();
    init_Inspectable();
    init_Pipeable();
    init_Predicate();
    RedactedSymbolKey = "effect/Redacted";
    redactedRegistry = /* @__PURE__ */ globalValue("effect/Redacted/redactedRegistry", () => /* @__PURE__ */ new WeakMap());
    RedactedTypeId = /* @__PURE__ */ Symbol.for(RedactedSymbolKey);
    proto12 = {
      [RedactedTypeId]: {
        _A: (_) => _
      },
      pipe() {
        return pipeArguments(this, arguments);
      },
      toString() {
        return "<redacted>";
      },
      toJSON() {
        return "<redacted>";
      },
      [NodeInspectSymbol]() {
        return "<redacted>";
      },
      [symbol]() {
        return pipe(hash(RedactedSymbolKey), combine(hash(redactedRegistry.get(this))), cached(this));
      },
      [symbol2](that) {
        return isRedacted(that) && equals(redactedRegistry.get(this), redactedRegistry.get(that));
      }
    };
    isRedacted = (u) => hasProperty(u, RedactedTypeId);
    make43 = (value2) => {
      const redacted = Object.create(proto12);
      redactedRegistry.set(redacted, value2);
      return redacted;
    };
  }
});

// node_modules/effect/dist/esm/internal/schema/util.js
var getKeysForIndexSignature, memoizeThunk, isNonEmpty5, isSingle, formatPathKey, formatPath;
var init_util = __esm({
  "node_modules/effect/dist/esm/internal/schema/util.js"() {
    init_Inspectable();
    getKeysForIndexSignature = (input, parameter) => {
      switch (parameter._tag) {
        case "StringKeyword":
        case "TemplateLiteral":
          return Object.keys(input);
        case "SymbolKeyword":
          return Object.getOwnPropertySymbols(input);
        case "Refinement":
          return getKeysForIndexSignature(input, parameter.from);
      }
    };
    memoizeThunk = (f) => {
      let done7 = false;
      let a;
      return () => {
        if (done7) {
          return a;
        }
        a = f();
        done7 = true;
        return a;
      };
    };
    isNonEmpty5 = (x) => Array.isArray(x);
    isSingle = (x) => !Array.isArray(x);
    formatPathKey = (key) => `[${formatPropertyKey(key)}]`;
    formatPath = (path) => isNonEmpty5(path) ? path.map(formatPathKey).join("") : formatPathKey(path);
  }
});

// node_modules/effect/dist/esm/internal/schema/errors.js
var getErrorMessage, getSchemaExtendErrorMessage, getASTUnsupportedKeySchemaErrorMessage, getASTUnsupportedLiteralErrorMessage, getASTDuplicateIndexSignatureErrorMessage, getASTIndexSignatureParameterErrorMessage, getASTRequiredElementFollowinAnOptionalElementErrorMessage, getASTDuplicatePropertySignatureTransformationErrorMessage, getASTDuplicatePropertySignatureErrorMessage;
var init_errors2 = __esm({
  "node_modules/effect/dist/esm/internal/schema/errors.js"() {
    init_Array();
    init_Inspectable();
    init_util();
    getErrorMessage = (reason, details, path, ast) => {
      let out = reason;
      if (path && isNonEmptyReadonlyArray(path)) {
        out += `
at path: ${formatPath(path)}`;
      }
      if (details !== void 0) {
        out += `
details: ${details}`;
      }
      if (ast) {
        out += `
schema (${ast._tag}): ${ast}`;
      }
      return out;
    };
    getSchemaExtendErrorMessage = (x, y, path) => getErrorMessage("Unsupported schema or overlapping types", `cannot extend ${x} with ${y}`, path);
    getASTUnsupportedKeySchemaErrorMessage = (ast) => getErrorMessage("Unsupported key schema", void 0, void 0, ast);
    getASTUnsupportedLiteralErrorMessage = (literal) => getErrorMessage("Unsupported literal", `literal value: ${formatUnknown(literal)}`);
    getASTDuplicateIndexSignatureErrorMessage = (type) => getErrorMessage("Duplicate index signature", `${type} index signature`);
    getASTIndexSignatureParameterErrorMessage = /* @__PURE__ */ getErrorMessage("Unsupported index signature parameter", "An index signature parameter type must be `string`, `symbol`, a template literal type or a refinement of the previous types");
    getASTRequiredElementFollowinAnOptionalElementErrorMessage = /* @__PURE__ */ getErrorMessage("Invalid element", "A required element cannot follow an optional element. ts(1257)");
    getASTDuplicatePropertySignatureTransformationErrorMessage = (key) => getErrorMessage("Duplicate property signature transformation", `Duplicate key ${formatUnknown(key)}`);
    getASTDuplicatePropertySignatureErrorMessage = (key) => getErrorMessage("Duplicate property signature", `Duplicate key ${formatUnknown(key)}`);
  }
});

// node_modules/effect/dist/esm/internal/schema/schemaId.js
var DateFromSelfSchemaId;
var init_schemaId = __esm({
  "node_modules/effect/dist/esm/internal/schema/schemaId.js"() {
    DateFromSelfSchemaId = /* @__PURE__ */ Symbol.for("effect/SchemaId/DateFromSelf");
  }
});

// node_modules/effect/dist/esm/SchemaAST.js
function changeMap(as6, f) {
  let changed = false;
  const out = allocate(as6.length);
  for (let i = 0; i < as6.length; i++) {
    const a = as6[i];
    const fa = f(a);
    if (fa !== a) {
      changed = true;
    }
    out[i] = fa;
  }
  return changed ? out : as6;
}
function getBrands(ast) {
  return match2(getBrandAnnotation(ast), {
    onNone: () => "",
    onSome: (brands) => brands.map((brand) => ` & Brand<${formatUnknown(brand)}>`).join("")
  });
}
var TypeConstructorAnnotationId, BrandAnnotationId, SchemaIdAnnotationId, MessageAnnotationId, MissingMessageAnnotationId, IdentifierAnnotationId, TitleAnnotationId, AutoTitleAnnotationId, DescriptionAnnotationId, ExamplesAnnotationId, DefaultAnnotationId, JSONSchemaAnnotationId, ArbitraryAnnotationId, PrettyAnnotationId, EquivalenceAnnotationId, DocumentationAnnotationId, ConcurrencyAnnotationId, BatchingAnnotationId, ParseIssueTitleAnnotationId, ParseOptionsAnnotationId, DecodingFallbackAnnotationId, SurrogateAnnotationId, StableFilterAnnotationId, getAnnotation, getBrandAnnotation, getMessageAnnotation, getMissingMessageAnnotation, getTitleAnnotation, getAutoTitleAnnotation, getIdentifierAnnotation, getDescriptionAnnotation, getConcurrencyAnnotation, getBatchingAnnotation, getParseIssueTitleAnnotation, getParseOptionsAnnotation, getDecodingFallbackAnnotation, getSurrogateAnnotation, getStableFilterAnnotation, hasStableFilter, JSONIdentifierAnnotationId, getJSONIdentifierAnnotation, getJSONIdentifier, Declaration, createASTGuard, Literal, isLiteral, $null, UniqueSymbol, UndefinedKeyword, undefinedKeyword, VoidKeyword, voidKeyword, NeverKeyword, neverKeyword, UnknownKeyword, unknownKeyword, AnyKeyword, anyKeyword, StringKeyword, stringKeyword, isStringKeyword, NumberKeyword, numberKeyword, isNumberKeyword, BooleanKeyword, booleanKeyword, isBooleanKeyword, BigIntKeyword, bigIntKeyword, SymbolKeyword, symbolKeyword, isSymbolKeyword, ObjectKeyword, objectKeyword, Type, OptionalType, getRestASTs, TupleType, formatTuple, PropertySignature, isParameter, IndexSignature, TypeLiteral, formatIndexSignatures, formatTypeLiteral, isTypeLiteral, sortCandidates, literalMap, flatten10, unify, Union, mapMembers, isMembers, isUnion, toJSONMemoMap, Suspend, Refinement, isRefinement, defaultParseOption, Transformation, isTransformation, FinalTransformation, createTransformationGuard, ComposeTransformation, composeTransformation, PropertySignatureTransformation, TypeLiteralTransformation, isTypeLiteralTransformation, annotations, STRING_KEYWORD_PATTERN, NUMBER_KEYWORD_PATTERN, getTemplateLiteralSpanTypePattern, handleTemplateLiteralSpanTypeParens, getTemplateLiteralPattern, getTemplateLiteralRegExp, record, pickAnnotations, omitAnnotations, preserveTransformationAnnotations, typeAST, getTransformationFrom, encodedAST_, encodedAST, toJSONAnnotations, getEncodedParameter, formatKeyword, getOrElseExpected, getExpected;
var init_SchemaAST = __esm({
  "node_modules/effect/dist/esm/SchemaAST.js"() {
    init_Array();
    init_Function();
    init_GlobalValue();
    init_Inspectable();
    init_errors2();
    init_util();
    init_Number();
    init_Option();
    init_Order();
    init_Predicate();
    init_RegExp();
    TypeConstructorAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/TypeConstructor");
    BrandAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Brand");
    SchemaIdAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/SchemaId");
    MessageAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Message");
    MissingMessageAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/MissingMessage");
    IdentifierAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Identifier");
    TitleAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Title");
    AutoTitleAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/AutoTitle");
    DescriptionAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Description");
    ExamplesAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Examples");
    DefaultAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Default");
    JSONSchemaAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/JSONSchema");
    ArbitraryAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Arbitrary");
    PrettyAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Pretty");
    EquivalenceAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Equivalence");
    DocumentationAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Documentation");
    ConcurrencyAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Concurrency");
    BatchingAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Batching");
    ParseIssueTitleAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/ParseIssueTitle");
    ParseOptionsAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/ParseOptions");
    DecodingFallbackAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/DecodingFallback");
    SurrogateAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/Surrogate");
    StableFilterAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/StableFilter");
    getAnnotation = /* @__PURE__ */ dual(2, (annotated, key) => Object.prototype.hasOwnProperty.call(annotated.annotations, key) ? some2(annotated.annotations[key]) : none2());
    getBrandAnnotation = /* @__PURE__ */ getAnnotation(BrandAnnotationId);
    getMessageAnnotation = /* @__PURE__ */ getAnnotation(MessageAnnotationId);
    getMissingMessageAnnotation = /* @__PURE__ */ getAnnotation(MissingMessageAnnotationId);
    getTitleAnnotation = /* @__PURE__ */ getAnnotation(TitleAnnotationId);
    getAutoTitleAnnotation = /* @__PURE__ */ getAnnotation(AutoTitleAnnotationId);
    getIdentifierAnnotation = /* @__PURE__ */ getAnnotation(IdentifierAnnotationId);
    getDescriptionAnnotation = /* @__PURE__ */ getAnnotation(DescriptionAnnotationId);
    getConcurrencyAnnotation = /* @__PURE__ */ getAnnotation(ConcurrencyAnnotationId);
    getBatchingAnnotation = /* @__PURE__ */ getAnnotation(BatchingAnnotationId);
    getParseIssueTitleAnnotation = /* @__PURE__ */ getAnnotation(ParseIssueTitleAnnotationId);
    getParseOptionsAnnotation = /* @__PURE__ */ getAnnotation(ParseOptionsAnnotationId);
    getDecodingFallbackAnnotation = /* @__PURE__ */ getAnnotation(DecodingFallbackAnnotationId);
    getSurrogateAnnotation = /* @__PURE__ */ getAnnotation(SurrogateAnnotationId);
    getStableFilterAnnotation = /* @__PURE__ */ getAnnotation(StableFilterAnnotationId);
    hasStableFilter = (annotated) => exists(getStableFilterAnnotation(annotated), (b) => b === true);
    JSONIdentifierAnnotationId = /* @__PURE__ */ Symbol.for("effect/annotation/JSONIdentifier");
    getJSONIdentifierAnnotation = /* @__PURE__ */ getAnnotation(JSONIdentifierAnnotationId);
    getJSONIdentifier = (annotated) => orElse(getJSONIdentifierAnnotation(annotated), () => getIdentifierAnnotation(annotated));
    Declaration = class {
      typeParameters;
      decodeUnknown;
      encodeUnknown;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "Declaration";
      constructor(typeParameters, decodeUnknown3, encodeUnknown2, annotations2 = {}) {
        this.typeParameters = typeParameters;
        this.decodeUnknown = decodeUnknown3;
        this.encodeUnknown = encodeUnknown2;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => "<declaration schema>");
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          typeParameters: this.typeParameters.map((ast) => ast.toJSON()),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    createASTGuard = (tag2) => (ast) => ast._tag === tag2;
    Literal = class {
      literal;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "Literal";
      constructor(literal, annotations2 = {}) {
        this.literal = literal;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => formatUnknown(this.literal));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          literal: isBigInt(this.literal) ? String(this.literal) : this.literal,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    isLiteral = /* @__PURE__ */ createASTGuard("Literal");
    $null = /* @__PURE__ */ new Literal(null);
    UniqueSymbol = class {
      symbol;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "UniqueSymbol";
      constructor(symbol3, annotations2 = {}) {
        this.symbol = symbol3;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => formatUnknown(this.symbol));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          symbol: String(this.symbol),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    UndefinedKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "UndefinedKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    undefinedKeyword = /* @__PURE__ */ new UndefinedKeyword({
      [TitleAnnotationId]: "undefined"
    });
    VoidKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "VoidKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    voidKeyword = /* @__PURE__ */ new VoidKeyword({
      [TitleAnnotationId]: "void"
    });
    NeverKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "NeverKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    neverKeyword = /* @__PURE__ */ new NeverKeyword({
      [TitleAnnotationId]: "never"
    });
    UnknownKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "UnknownKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    unknownKeyword = /* @__PURE__ */ new UnknownKeyword({
      [TitleAnnotationId]: "unknown"
    });
    AnyKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "AnyKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    anyKeyword = /* @__PURE__ */ new AnyKeyword({
      [TitleAnnotationId]: "any"
    });
    StringKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "StringKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    stringKeyword = /* @__PURE__ */ new StringKeyword({
      [TitleAnnotationId]: "string",
      [DescriptionAnnotationId]: "a string"
    });
    isStringKeyword = /* @__PURE__ */ createASTGuard("StringKeyword");
    NumberKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "NumberKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    numberKeyword = /* @__PURE__ */ new NumberKeyword({
      [TitleAnnotationId]: "number",
      [DescriptionAnnotationId]: "a number"
    });
    isNumberKeyword = /* @__PURE__ */ createASTGuard("NumberKeyword");
    BooleanKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "BooleanKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    booleanKeyword = /* @__PURE__ */ new BooleanKeyword({
      [TitleAnnotationId]: "boolean",
      [DescriptionAnnotationId]: "a boolean"
    });
    isBooleanKeyword = /* @__PURE__ */ createASTGuard("BooleanKeyword");
    BigIntKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "BigIntKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    bigIntKeyword = /* @__PURE__ */ new BigIntKeyword({
      [TitleAnnotationId]: "bigint",
      [DescriptionAnnotationId]: "a bigint"
    });
    SymbolKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "SymbolKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    symbolKeyword = /* @__PURE__ */ new SymbolKeyword({
      [TitleAnnotationId]: "symbol",
      [DescriptionAnnotationId]: "a symbol"
    });
    isSymbolKeyword = /* @__PURE__ */ createASTGuard("SymbolKeyword");
    ObjectKeyword = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "ObjectKeyword";
      constructor(annotations2 = {}) {
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return formatKeyword(this);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    objectKeyword = /* @__PURE__ */ new ObjectKeyword({
      [TitleAnnotationId]: "object",
      [DescriptionAnnotationId]: "an object in the TypeScript meaning, i.e. the `object` type"
    });
    Type = class {
      type;
      annotations;
      constructor(type, annotations2 = {}) {
        this.type = type;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          type: this.type.toJSON(),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return String(this.type);
      }
    };
    OptionalType = class extends Type {
      isOptional;
      constructor(type, isOptional, annotations2 = {}) {
        super(type, annotations2);
        this.isOptional = isOptional;
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          type: this.type.toJSON(),
          isOptional: this.isOptional,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return String(this.type) + (this.isOptional ? "?" : "");
      }
    };
    getRestASTs = (rest) => rest.map((annotatedAST) => annotatedAST.type);
    TupleType = class {
      elements;
      rest;
      isReadonly;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "TupleType";
      constructor(elements, rest, isReadonly, annotations2 = {}) {
        this.elements = elements;
        this.rest = rest;
        this.isReadonly = isReadonly;
        this.annotations = annotations2;
        let hasOptionalElement = false;
        let hasIllegalRequiredElement = false;
        for (const e of elements) {
          if (e.isOptional) {
            hasOptionalElement = true;
          } else if (hasOptionalElement) {
            hasIllegalRequiredElement = true;
            break;
          }
        }
        if (hasIllegalRequiredElement || hasOptionalElement && rest.length > 1) {
          throw new Error(getASTRequiredElementFollowinAnOptionalElementErrorMessage);
        }
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => formatTuple(this));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          elements: this.elements.map((e) => e.toJSON()),
          rest: this.rest.map((ast) => ast.toJSON()),
          isReadonly: this.isReadonly,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    formatTuple = (ast) => {
      const formattedElements = ast.elements.map(String).join(", ");
      return matchLeft(ast.rest, {
        onEmpty: () => `readonly [${formattedElements}]`,
        onNonEmpty: (head7, tail) => {
          const formattedHead = String(head7);
          const wrappedHead = formattedHead.includes(" | ") ? `(${formattedHead})` : formattedHead;
          if (tail.length > 0) {
            const formattedTail = tail.map(String).join(", ");
            if (ast.elements.length > 0) {
              return `readonly [${formattedElements}, ...${wrappedHead}[], ${formattedTail}]`;
            } else {
              return `readonly [...${wrappedHead}[], ${formattedTail}]`;
            }
          } else {
            if (ast.elements.length > 0) {
              return `readonly [${formattedElements}, ...${wrappedHead}[]]`;
            } else {
              return `ReadonlyArray<${formattedHead}>`;
            }
          }
        }
      });
    };
    PropertySignature = class extends OptionalType {
      name;
      isReadonly;
      constructor(name, type, isOptional, isReadonly, annotations2) {
        super(type, isOptional, annotations2);
        this.name = name;
        this.isReadonly = isReadonly;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return (this.isReadonly ? "readonly " : "") + String(this.name) + (this.isOptional ? "?" : "") + ": " + this.type;
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          name: String(this.name),
          type: this.type.toJSON(),
          isOptional: this.isOptional,
          isReadonly: this.isReadonly,
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    isParameter = (ast) => {
      switch (ast._tag) {
        case "StringKeyword":
        case "SymbolKeyword":
        case "TemplateLiteral":
          return true;
        case "Refinement":
          return isParameter(ast.from);
      }
      return false;
    };
    IndexSignature = class {
      type;
      isReadonly;
      /**
       * @since 3.10.0
       */
      parameter;
      constructor(parameter, type, isReadonly) {
        this.type = type;
        this.isReadonly = isReadonly;
        if (isParameter(parameter)) {
          this.parameter = parameter;
        } else {
          throw new Error(getASTIndexSignatureParameterErrorMessage);
        }
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return (this.isReadonly ? "readonly " : "") + `[x: ${this.parameter}]: ${this.type}`;
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          parameter: this.parameter.toJSON(),
          type: this.type.toJSON(),
          isReadonly: this.isReadonly
        };
      }
    };
    TypeLiteral = class {
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "TypeLiteral";
      /**
       * @since 3.10.0
       */
      propertySignatures;
      /**
       * @since 3.10.0
       */
      indexSignatures;
      constructor(propertySignatures, indexSignatures, annotations2 = {}) {
        this.annotations = annotations2;
        const keys6 = {};
        for (let i = 0; i < propertySignatures.length; i++) {
          const name = propertySignatures[i].name;
          if (Object.prototype.hasOwnProperty.call(keys6, name)) {
            throw new Error(getASTDuplicatePropertySignatureErrorMessage(name));
          }
          keys6[name] = null;
        }
        const parameters = {
          string: false,
          symbol: false
        };
        for (let i = 0; i < indexSignatures.length; i++) {
          const encodedParameter = getEncodedParameter(indexSignatures[i].parameter);
          if (isStringKeyword(encodedParameter)) {
            if (parameters.string) {
              throw new Error(getASTDuplicateIndexSignatureErrorMessage("string"));
            }
            parameters.string = true;
          } else if (isSymbolKeyword(encodedParameter)) {
            if (parameters.symbol) {
              throw new Error(getASTDuplicateIndexSignatureErrorMessage("symbol"));
            }
            parameters.symbol = true;
          }
        }
        this.propertySignatures = propertySignatures;
        this.indexSignatures = indexSignatures;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => formatTypeLiteral(this));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          propertySignatures: this.propertySignatures.map((ps) => ps.toJSON()),
          indexSignatures: this.indexSignatures.map((ps) => ps.toJSON()),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    formatIndexSignatures = (iss) => iss.map(String).join("; ");
    formatTypeLiteral = (ast) => {
      if (ast.propertySignatures.length > 0) {
        const pss = ast.propertySignatures.map(String).join("; ");
        if (ast.indexSignatures.length > 0) {
          return `{ ${pss}; ${formatIndexSignatures(ast.indexSignatures)} }`;
        } else {
          return `{ ${pss} }`;
        }
      } else {
        if (ast.indexSignatures.length > 0) {
          return `{ ${formatIndexSignatures(ast.indexSignatures)} }`;
        } else {
          return "{}";
        }
      }
    };
    isTypeLiteral = /* @__PURE__ */ createASTGuard("TypeLiteral");
    sortCandidates = /* @__PURE__ */ sort(/* @__PURE__ */ mapInput2(Order, (ast) => {
      switch (ast._tag) {
        case "AnyKeyword":
          return 0;
        case "UnknownKeyword":
          return 1;
        case "ObjectKeyword":
          return 2;
        case "StringKeyword":
        case "NumberKeyword":
        case "BooleanKeyword":
        case "BigIntKeyword":
        case "SymbolKeyword":
          return 3;
      }
      return 4;
    }));
    literalMap = {
      string: "StringKeyword",
      number: "NumberKeyword",
      boolean: "BooleanKeyword",
      bigint: "BigIntKeyword"
    };
    flatten10 = (candidates) => flatMap2(candidates, (ast) => isUnion(ast) ? flatten10(ast.types) : [ast]);
    unify = (candidates) => {
      const cs = sortCandidates(candidates);
      const out = [];
      const uniques = {};
      const literals = [];
      for (const ast of cs) {
        switch (ast._tag) {
          case "NeverKeyword":
            break;
          case "AnyKeyword":
            return [anyKeyword];
          case "UnknownKeyword":
            return [unknownKeyword];
          // uniques
          case "ObjectKeyword":
          case "UndefinedKeyword":
          case "VoidKeyword":
          case "StringKeyword":
          case "NumberKeyword":
          case "BooleanKeyword":
          case "BigIntKeyword":
          case "SymbolKeyword": {
            if (!uniques[ast._tag]) {
              uniques[ast._tag] = ast;
              out.push(ast);
            }
            break;
          }
          case "Literal": {
            const type = typeof ast.literal;
            switch (type) {
              case "string":
              case "number":
              case "bigint":
              case "boolean": {
                const _tag = literalMap[type];
                if (!uniques[_tag] && !literals.includes(ast.literal)) {
                  literals.push(ast.literal);
                  out.push(ast);
                }
                break;
              }
              // null
              case "object": {
                if (!literals.includes(ast.literal)) {
                  literals.push(ast.literal);
                  out.push(ast);
                }
                break;
              }
            }
            break;
          }
          case "UniqueSymbol": {
            if (!uniques["SymbolKeyword"] && !literals.includes(ast.symbol)) {
              literals.push(ast.symbol);
              out.push(ast);
            }
            break;
          }
          case "TupleType": {
            if (!uniques["ObjectKeyword"]) {
              out.push(ast);
            }
            break;
          }
          case "TypeLiteral": {
            if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
              if (!uniques["{}"]) {
                uniques["{}"] = ast;
                out.push(ast);
              }
            } else if (!uniques["ObjectKeyword"]) {
              out.push(ast);
            }
            break;
          }
          default:
            out.push(ast);
        }
      }
      return out;
    };
    Union = class _Union {
      types;
      annotations;
      static make = (types, annotations2) => {
        return isMembers(types) ? new _Union(types, annotations2) : types.length === 1 ? types[0] : neverKeyword;
      };
      /** @internal */
      static unify = (candidates, annotations2) => {
        return _Union.make(unify(flatten10(candidates)), annotations2);
      };
      /**
       * @since 3.10.0
       */
      _tag = "Union";
      constructor(types, annotations2 = {}) {
        this.types = types;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => this.types.map(String).join(" | "));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          types: this.types.map((ast) => ast.toJSON()),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    mapMembers = (members, f) => members.map(f);
    isMembers = (as6) => as6.length > 1;
    isUnion = /* @__PURE__ */ createASTGuard("Union");
    toJSONMemoMap = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/Schema/AST/toJSONMemoMap"), () => /* @__PURE__ */ new WeakMap());
    Suspend = class {
      f;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "Suspend";
      constructor(f, annotations2 = {}) {
        this.f = f;
        this.annotations = annotations2;
        this.f = memoizeThunk(f);
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getExpected(this).pipe(orElse(() => flatMap(liftThrowable(this.f)(), (ast) => getExpected(ast))), getOrElse(() => "<suspended schema>"));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        const ast = this.f();
        let out = toJSONMemoMap.get(ast);
        if (out) {
          return out;
        }
        toJSONMemoMap.set(ast, {
          _tag: this._tag
        });
        out = {
          _tag: this._tag,
          ast: ast.toJSON(),
          annotations: toJSONAnnotations(this.annotations)
        };
        toJSONMemoMap.set(ast, out);
        return out;
      }
    };
    Refinement = class {
      from;
      filter;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "Refinement";
      constructor(from, filter11, annotations2 = {}) {
        this.from = from;
        this.filter = filter11;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getIdentifierAnnotation(this).pipe(getOrElse(() => match2(getOrElseExpected(this), {
          onNone: () => `{ ${this.from} | filter }`,
          onSome: (expected) => isRefinement(this.from) ? String(this.from) + " & " + expected : expected
        })));
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          from: this.from.toJSON(),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    isRefinement = /* @__PURE__ */ createASTGuard("Refinement");
    defaultParseOption = {};
    Transformation = class {
      from;
      to;
      transformation;
      annotations;
      /**
       * @since 3.10.0
       */
      _tag = "Transformation";
      constructor(from, to, transformation, annotations2 = {}) {
        this.from = from;
        this.to = to;
        this.transformation = transformation;
        this.annotations = annotations2;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return getOrElse(getExpected(this), () => `(${String(this.from)} <-> ${String(this.to)})`);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _tag: this._tag,
          from: this.from.toJSON(),
          to: this.to.toJSON(),
          annotations: toJSONAnnotations(this.annotations)
        };
      }
    };
    isTransformation = /* @__PURE__ */ createASTGuard("Transformation");
    FinalTransformation = class {
      decode;
      encode;
      /**
       * @since 3.10.0
       */
      _tag = "FinalTransformation";
      constructor(decode2, encode) {
        this.decode = decode2;
        this.encode = encode;
      }
    };
    createTransformationGuard = (tag2) => (ast) => ast._tag === tag2;
    ComposeTransformation = class {
      /**
       * @since 3.10.0
       */
      _tag = "ComposeTransformation";
    };
    composeTransformation = /* @__PURE__ */ new ComposeTransformation();
    PropertySignatureTransformation = class {
      from;
      to;
      decode;
      encode;
      constructor(from, to, decode2, encode) {
        this.from = from;
        this.to = to;
        this.decode = decode2;
        this.encode = encode;
      }
    };
    TypeLiteralTransformation = class {
      propertySignatureTransformations;
      /**
       * @since 3.10.0
       */
      _tag = "TypeLiteralTransformation";
      constructor(propertySignatureTransformations) {
        this.propertySignatureTransformations = propertySignatureTransformations;
        const fromKeys = {};
        const toKeys = {};
        for (const pst of propertySignatureTransformations) {
          const from = pst.from;
          if (fromKeys[from]) {
            throw new Error(getASTDuplicatePropertySignatureTransformationErrorMessage(from));
          }
          fromKeys[from] = true;
          const to = pst.to;
          if (toKeys[to]) {
            throw new Error(getASTDuplicatePropertySignatureTransformationErrorMessage(to));
          }
          toKeys[to] = true;
        }
      }
    };
    isTypeLiteralTransformation = /* @__PURE__ */ createTransformationGuard("TypeLiteralTransformation");
    annotations = (ast, overrides) => {
      const d = Object.getOwnPropertyDescriptors(ast);
      const base = {
        ...ast.annotations
      };
      delete base[IdentifierAnnotationId];
      const value2 = {
        ...base,
        ...overrides
      };
      const surrogate = getSurrogateAnnotation(ast);
      if (isSome2(surrogate)) {
        value2[SurrogateAnnotationId] = annotations(surrogate.value, overrides);
      }
      d.annotations.value = value2;
      return Object.create(Object.getPrototypeOf(ast), d);
    };
    STRING_KEYWORD_PATTERN = "[\\s\\S]*?";
    NUMBER_KEYWORD_PATTERN = "[+-]?\\d*\\.?\\d+(?:[Ee][+-]?\\d+)?";
    getTemplateLiteralSpanTypePattern = (type, capture2) => {
      switch (type._tag) {
        case "Literal":
          return escape(String(type.literal));
        case "StringKeyword":
          return STRING_KEYWORD_PATTERN;
        case "NumberKeyword":
          return NUMBER_KEYWORD_PATTERN;
        case "TemplateLiteral":
          return getTemplateLiteralPattern(type, capture2, false);
        case "Union":
          return type.types.map((type2) => getTemplateLiteralSpanTypePattern(type2, capture2)).join("|");
      }
    };
    handleTemplateLiteralSpanTypeParens = (type, s, capture2, top) => {
      if (isUnion(type)) {
        if (capture2 && !top) {
          return `(?:${s})`;
        }
      } else if (!capture2 || !top) {
        return s;
      }
      return `(${s})`;
    };
    getTemplateLiteralPattern = (ast, capture2, top) => {
      let pattern2 = ``;
      if (ast.head !== "") {
        const head7 = escape(ast.head);
        pattern2 += capture2 && top ? `(${head7})` : head7;
      }
      for (const span2 of ast.spans) {
        const spanPattern = getTemplateLiteralSpanTypePattern(span2.type, capture2);
        pattern2 += handleTemplateLiteralSpanTypeParens(span2.type, spanPattern, capture2, top);
        if (span2.literal !== "") {
          const literal = escape(span2.literal);
          pattern2 += capture2 && top ? `(${literal})` : literal;
        }
      }
      return pattern2;
    };
    getTemplateLiteralRegExp = (ast) => new RegExp(`^${getTemplateLiteralPattern(ast, false, true)}$`);
    record = (key, value2) => {
      const propertySignatures = [];
      const indexSignatures = [];
      const go2 = (key2) => {
        switch (key2._tag) {
          case "NeverKeyword":
            break;
          case "StringKeyword":
          case "SymbolKeyword":
          case "TemplateLiteral":
          case "Refinement":
            indexSignatures.push(new IndexSignature(key2, value2, true));
            break;
          case "Literal":
            if (isString(key2.literal) || isNumber(key2.literal)) {
              propertySignatures.push(new PropertySignature(key2.literal, value2, false, true));
            } else {
              throw new Error(getASTUnsupportedLiteralErrorMessage(key2.literal));
            }
            break;
          case "Enums": {
            for (const [_, name] of key2.enums) {
              propertySignatures.push(new PropertySignature(name, value2, false, true));
            }
            break;
          }
          case "UniqueSymbol":
            propertySignatures.push(new PropertySignature(key2.symbol, value2, false, true));
            break;
          case "Union":
            key2.types.forEach(go2);
            break;
          default:
            throw new Error(getASTUnsupportedKeySchemaErrorMessage(key2));
        }
      };
      go2(key);
      return {
        propertySignatures,
        indexSignatures
      };
    };
    pickAnnotations = (annotationIds) => (annotated) => {
      let out = void 0;
      for (const id2 of annotationIds) {
        if (Object.prototype.hasOwnProperty.call(annotated.annotations, id2)) {
          if (out === void 0) {
            out = {};
          }
          out[id2] = annotated.annotations[id2];
        }
      }
      return out;
    };
    omitAnnotations = (annotationIds) => (annotated) => {
      const out = {
        ...annotated.annotations
      };
      for (const id2 of annotationIds) {
        delete out[id2];
      }
      return out;
    };
    preserveTransformationAnnotations = /* @__PURE__ */ pickAnnotations([ExamplesAnnotationId, DefaultAnnotationId, JSONSchemaAnnotationId, ArbitraryAnnotationId, PrettyAnnotationId, EquivalenceAnnotationId]);
    typeAST = (ast) => {
      switch (ast._tag) {
        case "Declaration": {
          const typeParameters = changeMap(ast.typeParameters, typeAST);
          return typeParameters === ast.typeParameters ? ast : new Declaration(typeParameters, ast.decodeUnknown, ast.encodeUnknown, ast.annotations);
        }
        case "TupleType": {
          const elements = changeMap(ast.elements, (e) => {
            const type = typeAST(e.type);
            return type === e.type ? e : new OptionalType(type, e.isOptional);
          });
          const restASTs = getRestASTs(ast.rest);
          const rest = changeMap(restASTs, typeAST);
          return elements === ast.elements && rest === restASTs ? ast : new TupleType(elements, rest.map((type) => new Type(type)), ast.isReadonly, ast.annotations);
        }
        case "TypeLiteral": {
          const propertySignatures = changeMap(ast.propertySignatures, (p) => {
            const type = typeAST(p.type);
            return type === p.type ? p : new PropertySignature(p.name, type, p.isOptional, p.isReadonly);
          });
          const indexSignatures = changeMap(ast.indexSignatures, (is2) => {
            const type = typeAST(is2.type);
            return type === is2.type ? is2 : new IndexSignature(is2.parameter, type, is2.isReadonly);
          });
          return propertySignatures === ast.propertySignatures && indexSignatures === ast.indexSignatures ? ast : new TypeLiteral(propertySignatures, indexSignatures, ast.annotations);
        }
        case "Union": {
          const types = changeMap(ast.types, typeAST);
          return types === ast.types ? ast : Union.make(types, ast.annotations);
        }
        case "Suspend":
          return new Suspend(() => typeAST(ast.f()), ast.annotations);
        case "Refinement": {
          const from = typeAST(ast.from);
          return from === ast.from ? ast : new Refinement(from, ast.filter, ast.annotations);
        }
        case "Transformation": {
          const preserve = preserveTransformationAnnotations(ast);
          return typeAST(preserve !== void 0 ? annotations(ast.to, preserve) : ast.to);
        }
      }
      return ast;
    };
    getTransformationFrom = (ast) => {
      switch (ast._tag) {
        case "Transformation":
          return ast.from;
        case "Refinement":
          return getTransformationFrom(ast.from);
        case "Suspend":
          return getTransformationFrom(ast.f());
      }
    };
    encodedAST_ = (ast, isBound) => {
      switch (ast._tag) {
        case "Declaration": {
          const typeParameters = changeMap(ast.typeParameters, (ast2) => encodedAST_(ast2, isBound));
          return typeParameters === ast.typeParameters ? ast : new Declaration(typeParameters, ast.decodeUnknown, ast.encodeUnknown);
        }
        case "TupleType": {
          const elements = changeMap(ast.elements, (e) => {
            const type = encodedAST_(e.type, isBound);
            return type === e.type ? e : new OptionalType(type, e.isOptional);
          });
          const restASTs = getRestASTs(ast.rest);
          const rest = changeMap(restASTs, (ast2) => encodedAST_(ast2, isBound));
          return elements === ast.elements && rest === restASTs ? ast : new TupleType(elements, rest.map((ast2) => new Type(ast2)), ast.isReadonly);
        }
        case "TypeLiteral": {
          const propertySignatures = changeMap(ast.propertySignatures, (ps) => {
            const type = encodedAST_(ps.type, isBound);
            return type === ps.type ? ps : new PropertySignature(ps.name, type, ps.isOptional, ps.isReadonly);
          });
          const indexSignatures = changeMap(ast.indexSignatures, (is2) => {
            const type = encodedAST_(is2.type, isBound);
            return type === is2.type ? is2 : new IndexSignature(is2.parameter, type, is2.isReadonly);
          });
          return propertySignatures === ast.propertySignatures && indexSignatures === ast.indexSignatures ? ast : new TypeLiteral(propertySignatures, indexSignatures);
        }
        case "Union": {
          const types = changeMap(ast.types, (ast2) => encodedAST_(ast2, isBound));
          return types === ast.types ? ast : Union.make(types);
        }
        case "Suspend": {
          let borrowedAnnotations = void 0;
          const identifier2 = getJSONIdentifier(ast);
          if (isSome2(identifier2)) {
            const suffix = isBound ? "Bound" : "";
            borrowedAnnotations = {
              [JSONIdentifierAnnotationId]: `${identifier2.value}Encoded${suffix}`
            };
          }
          return new Suspend(() => encodedAST_(ast.f(), isBound), borrowedAnnotations);
        }
        case "Refinement": {
          const from = encodedAST_(ast.from, isBound);
          if (isBound) {
            if (from === ast.from) return ast;
            if (getTransformationFrom(ast.from) === void 0 && hasStableFilter(ast)) {
              return new Refinement(from, ast.filter, ast.annotations);
            }
            return from;
          } else {
            return from;
          }
        }
        case "Transformation":
          return encodedAST_(ast.from, isBound);
      }
      return ast;
    };
    encodedAST = (ast) => encodedAST_(ast, false);
    toJSONAnnotations = (annotations2) => {
      const out = {};
      for (const k of Object.getOwnPropertySymbols(annotations2)) {
        out[String(k)] = annotations2[k];
      }
      return out;
    };
    getEncodedParameter = (ast) => {
      switch (ast._tag) {
        case "StringKeyword":
        case "SymbolKeyword":
        case "TemplateLiteral":
          return ast;
        case "Refinement":
          return getEncodedParameter(ast.from);
      }
    };
    formatKeyword = (ast) => getOrElse(getExpected(ast), () => ast._tag);
    getOrElseExpected = (ast) => getTitleAnnotation(ast).pipe(orElse(() => getDescriptionAnnotation(ast)), orElse(() => getAutoTitleAnnotation(ast)), map2((s) => s + getBrands(ast)));
    getExpected = (ast) => orElse(getIdentifierAnnotation(ast), () => getOrElseExpected(ast));
  }
});

// node_modules/effect/dist/esm/ParseResult.js
function sortByIndex(es) {
  return es.sort(compare).map((t) => t[1]);
}
function getRefinementExpected(ast) {
  return getDescriptionAnnotation(ast).pipe(orElse(() => getTitleAnnotation(ast)), orElse(() => getAutoTitleAnnotation(ast)), orElse(() => getIdentifierAnnotation(ast)), getOrElse(() => `{ ${ast.from} | filter }`));
}
function getDefaultTypeMessage(issue) {
  if (issue.message !== void 0) {
    return issue.message;
  }
  const expected = isRefinement(issue.ast) ? getRefinementExpected(issue.ast) : String(issue.ast);
  return `Expected ${expected}, actual ${formatUnknown(issue.actual)}`;
}
var Pointer, Unexpected, Missing, Composite2, Refinement2, Transformation2, Type2, Forbidden, ParseErrorTypeId, ParseError, parseError, succeed11, fail12, isEither3, flatMap14, map21, mapError7, orElse8, mergeInternalOptions, getEither, getSync, getOption3, getEffect, decodeUnknownOption, decodeUnknownEither, decodeUnknown, encodeUnknown, validateSync, is, decodeMemoMap, encodeMemoMap, goMemo, getConcurrency, getBatching, go, fromRefinement, getLiterals, getSearchTree, dropRightRefinement, handleForbidden, compare, getFinalTransformation, makeTree, TreeFormatter, drawTree, draw, formatTransformationKind, formatRefinementKind, getAnnotated, Either_void, getCurrentMessage, createParseIssueGuard, isComposite2, isRefinement2, isTransformation2, getMessage, getParseIssueTitleAnnotation2, formatTypeMessage, getParseIssueTitle, formatForbiddenMessage, formatUnexpectedMessage, formatMissingMessage, formatTree;
var init_ParseResult = __esm({
  "node_modules/effect/dist/esm/ParseResult.js"() {
    init_Array();
    init_Cause();
    init_Data();
    init_Effect();
    init_Either();
    init_Exit();
    init_Function();
    init_GlobalValue();
    init_Inspectable();
    init_util();
    init_Option();
    init_Predicate();
    init_Scheduler();
    init_SchemaAST();
    Pointer = class {
      path;
      actual;
      issue;
      /**
       * @since 3.10.0
       */
      _tag = "Pointer";
      constructor(path, actual, issue) {
        this.path = path;
        this.actual = actual;
        this.issue = issue;
      }
    };
    Unexpected = class {
      actual;
      message;
      /**
       * @since 3.10.0
       */
      _tag = "Unexpected";
      constructor(actual, message) {
        this.actual = actual;
        this.message = message;
      }
    };
    Missing = class {
      ast;
      message;
      /**
       * @since 3.10.0
       */
      _tag = "Missing";
      /**
       * @since 3.10.0
       */
      actual = void 0;
      constructor(ast, message) {
        this.ast = ast;
        this.message = message;
      }
    };
    Composite2 = class {
      ast;
      actual;
      issues;
      output;
      /**
       * @since 3.10.0
       */
      _tag = "Composite";
      constructor(ast, actual, issues, output) {
        this.ast = ast;
        this.actual = actual;
        this.issues = issues;
        this.output = output;
      }
    };
    Refinement2 = class {
      ast;
      actual;
      kind;
      issue;
      /**
       * @since 3.10.0
       */
      _tag = "Refinement";
      constructor(ast, actual, kind, issue) {
        this.ast = ast;
        this.actual = actual;
        this.kind = kind;
        this.issue = issue;
      }
    };
    Transformation2 = class {
      ast;
      actual;
      kind;
      issue;
      /**
       * @since 3.10.0
       */
      _tag = "Transformation";
      constructor(ast, actual, kind, issue) {
        this.ast = ast;
        this.actual = actual;
        this.kind = kind;
        this.issue = issue;
      }
    };
    Type2 = class {
      ast;
      actual;
      message;
      /**
       * @since 3.10.0
       */
      _tag = "Type";
      constructor(ast, actual, message) {
        this.ast = ast;
        this.actual = actual;
        this.message = message;
      }
    };
    Forbidden = class {
      ast;
      actual;
      message;
      /**
       * @since 3.10.0
       */
      _tag = "Forbidden";
      constructor(ast, actual, message) {
        this.ast = ast;
        this.actual = actual;
        this.message = message;
      }
    };
    ParseErrorTypeId = /* @__PURE__ */ Symbol.for("effect/Schema/ParseErrorTypeId");
    ParseError = class extends (/* @__PURE__ */ TaggedError("ParseError")) {
      /**
       * @since 3.10.0
       */
      [ParseErrorTypeId] = ParseErrorTypeId;
      get message() {
        return this.toString();
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return TreeFormatter.formatIssueSync(this.issue);
      }
      /**
       * @since 3.10.0
       */
      toJSON() {
        return {
          _id: "ParseError",
          message: this.toString()
        };
      }
      /**
       * @since 3.10.0
       */
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
    };
    parseError = (issue) => new ParseError({
      issue
    });
    succeed11 = right2;
    fail12 = left2;
    isEither3 = isEither2;
    flatMap14 = /* @__PURE__ */ dual(2, (self, f) => {
      return isEither3(self) ? match(self, {
        onLeft: left2,
        onRight: f
      }) : flatMap9(self, f);
    });
    map21 = /* @__PURE__ */ dual(2, (self, f) => {
      return isEither3(self) ? map(self, f) : map17(self, f);
    });
    mapError7 = /* @__PURE__ */ dual(2, (self, f) => {
      return isEither3(self) ? mapLeft(self, f) : mapError2(self, f);
    });
    orElse8 = /* @__PURE__ */ dual(2, (self, f) => {
      return isEither3(self) ? match(self, {
        onLeft: f,
        onRight: right2
      }) : catchAll2(self, f);
    });
    mergeInternalOptions = (options3, overrideOptions) => {
      if (overrideOptions === void 0 || isNumber(overrideOptions)) {
        return options3;
      }
      if (options3 === void 0) {
        return overrideOptions;
      }
      return {
        ...options3,
        ...overrideOptions
      };
    };
    getEither = (ast, isDecoding, options3) => {
      const parser = goMemo(ast, isDecoding);
      return (u, overrideOptions) => parser(u, mergeInternalOptions(options3, overrideOptions));
    };
    getSync = (ast, isDecoding, options3) => {
      const parser = getEither(ast, isDecoding, options3);
      return (input, overrideOptions) => getOrThrowWith(parser(input, overrideOptions), parseError);
    };
    getOption3 = (ast, isDecoding, options3) => {
      const parser = getEither(ast, isDecoding, options3);
      return (input, overrideOptions) => getRight2(parser(input, overrideOptions));
    };
    getEffect = (ast, isDecoding, options3) => {
      const parser = goMemo(ast, isDecoding);
      return (input, overrideOptions) => parser(input, {
        ...mergeInternalOptions(options3, overrideOptions),
        isEffectAllowed: true
      });
    };
    decodeUnknownOption = (schema, options3) => getOption3(schema.ast, true, options3);
    decodeUnknownEither = (schema, options3) => getEither(schema.ast, true, options3);
    decodeUnknown = (schema, options3) => getEffect(schema.ast, true, options3);
    encodeUnknown = (schema, options3) => getEffect(schema.ast, false, options3);
    validateSync = (schema, options3) => getSync(typeAST(schema.ast), true, options3);
    is = (schema, options3) => {
      const parser = goMemo(typeAST(schema.ast), true);
      return (u, overrideOptions) => isRight2(parser(u, {
        exact: true,
        ...mergeInternalOptions(options3, overrideOptions)
      }));
    };
    decodeMemoMap = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/ParseResult/decodeMemoMap"), () => /* @__PURE__ */ new WeakMap());
    encodeMemoMap = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("effect/ParseResult/encodeMemoMap"), () => /* @__PURE__ */ new WeakMap());
    goMemo = (ast, isDecoding) => {
      const memoMap = isDecoding ? decodeMemoMap : encodeMemoMap;
      const memo = memoMap.get(ast);
      if (memo) {
        return memo;
      }
      const raw = go(ast, isDecoding);
      const parseOptionsAnnotation = getParseOptionsAnnotation(ast);
      const parserWithOptions = isSome2(parseOptionsAnnotation) ? (i, options3) => raw(i, mergeInternalOptions(options3, parseOptionsAnnotation.value)) : raw;
      const decodingFallbackAnnotation = getDecodingFallbackAnnotation(ast);
      const parser = isDecoding && isSome2(decodingFallbackAnnotation) ? (i, options3) => handleForbidden(orElse8(parserWithOptions(i, options3), decodingFallbackAnnotation.value), ast, i, options3) : parserWithOptions;
      memoMap.set(ast, parser);
      return parser;
    };
    getConcurrency = (ast) => getOrUndefined(getConcurrencyAnnotation(ast));
    getBatching = (ast) => getOrUndefined(getBatchingAnnotation(ast));
    go = (ast, isDecoding) => {
      switch (ast._tag) {
        case "Refinement": {
          if (isDecoding) {
            const from = goMemo(ast.from, true);
            return (i, options3) => {
              options3 = options3 ?? defaultParseOption;
              const allErrors = options3?.errors === "all";
              const result = flatMap14(orElse8(from(i, options3), (ef) => {
                const issue = new Refinement2(ast, i, "From", ef);
                if (allErrors && hasStableFilter(ast) && isComposite2(ef)) {
                  return match2(ast.filter(i, options3, ast), {
                    onNone: () => left2(issue),
                    onSome: (ep) => left2(new Composite2(ast, i, [issue, new Refinement2(ast, i, "Predicate", ep)]))
                  });
                }
                return left2(issue);
              }), (a) => match2(ast.filter(a, options3, ast), {
                onNone: () => right2(a),
                onSome: (ep) => left2(new Refinement2(ast, i, "Predicate", ep))
              }));
              return handleForbidden(result, ast, i, options3);
            };
          } else {
            const from = goMemo(typeAST(ast), true);
            const to = goMemo(dropRightRefinement(ast.from), false);
            return (i, options3) => handleForbidden(flatMap14(from(i, options3), (a) => to(a, options3)), ast, i, options3);
          }
        }
        case "Transformation": {
          const transform4 = getFinalTransformation(ast.transformation, isDecoding);
          const from = isDecoding ? goMemo(ast.from, true) : goMemo(ast.to, false);
          const to = isDecoding ? goMemo(ast.to, true) : goMemo(ast.from, false);
          return (i, options3) => handleForbidden(flatMap14(mapError7(from(i, options3), (e) => new Transformation2(ast, i, isDecoding ? "Encoded" : "Type", e)), (a) => flatMap14(mapError7(transform4(a, options3 ?? defaultParseOption, ast, i), (e) => new Transformation2(ast, i, "Transformation", e)), (i2) => mapError7(to(i2, options3), (e) => new Transformation2(ast, i, isDecoding ? "Type" : "Encoded", e)))), ast, i, options3);
        }
        case "Declaration": {
          const parse = isDecoding ? ast.decodeUnknown(...ast.typeParameters) : ast.encodeUnknown(...ast.typeParameters);
          return (i, options3) => handleForbidden(parse(i, options3 ?? defaultParseOption, ast), ast, i, options3);
        }
        case "Literal":
          return fromRefinement(ast, (u) => u === ast.literal);
        case "UniqueSymbol":
          return fromRefinement(ast, (u) => u === ast.symbol);
        case "UndefinedKeyword":
          return fromRefinement(ast, isUndefined);
        case "NeverKeyword":
          return fromRefinement(ast, isNever);
        case "UnknownKeyword":
        case "AnyKeyword":
        case "VoidKeyword":
          return right2;
        case "StringKeyword":
          return fromRefinement(ast, isString);
        case "NumberKeyword":
          return fromRefinement(ast, isNumber);
        case "BooleanKeyword":
          return fromRefinement(ast, isBoolean);
        case "BigIntKeyword":
          return fromRefinement(ast, isBigInt);
        case "SymbolKeyword":
          return fromRefinement(ast, isSymbol);
        case "ObjectKeyword":
          return fromRefinement(ast, isObject);
        case "Enums":
          return fromRefinement(ast, (u) => ast.enums.some(([_, value2]) => value2 === u));
        case "TemplateLiteral": {
          if (ast.spans.every((span2) => isStringKeyword(span2.type))) {
            return fromRefinement(ast, (u) => {
              if (!isString(u) || !u.startsWith(ast.head)) {
                return false;
              }
              let position = ast.head.length;
              for (let i = 0; i < ast.spans.length - 1; i++) {
                const literal2 = ast.spans[i].literal;
                const index = u.indexOf(literal2, position);
                if (index === -1) {
                  return false;
                }
                position = index + literal2.length;
              }
              const literal = ast.spans[ast.spans.length - 1].literal;
              return u.endsWith(literal) && u.length - literal.length >= position;
            });
          }
          const regex = getTemplateLiteralRegExp(ast);
          return fromRefinement(ast, (u) => isString(u) && regex.test(u));
        }
        case "TupleType": {
          const elements = ast.elements.map((e) => goMemo(e.type, isDecoding));
          const rest = ast.rest.map((annotatedAST) => goMemo(annotatedAST.type, isDecoding));
          let requiredTypes = ast.elements.filter((e) => !e.isOptional);
          if (ast.rest.length > 0) {
            requiredTypes = requiredTypes.concat(ast.rest.slice(1));
          }
          const requiredLen = requiredTypes.length;
          const expectedIndexes = ast.elements.length > 0 ? ast.elements.map((_, i) => i).join(" | ") : "never";
          const concurrency = getConcurrency(ast);
          const batching = getBatching(ast);
          return (input, options3) => {
            if (!isArray(input)) {
              return left2(new Type2(ast, input));
            }
            const allErrors = options3?.errors === "all";
            const es = [];
            let stepKey = 0;
            const output = [];
            const len = input.length;
            for (let i2 = len; i2 <= requiredLen - 1; i2++) {
              const e = new Pointer(i2, input, new Missing(requiredTypes[i2 - len]));
              if (allErrors) {
                es.push([stepKey++, e]);
                continue;
              } else {
                return left2(new Composite2(ast, input, e, output));
              }
            }
            if (ast.rest.length === 0) {
              for (let i2 = ast.elements.length; i2 <= len - 1; i2++) {
                const e = new Pointer(i2, input, new Unexpected(input[i2], `is unexpected, expected: ${expectedIndexes}`));
                if (allErrors) {
                  es.push([stepKey++, e]);
                  continue;
                } else {
                  return left2(new Composite2(ast, input, e, output));
                }
              }
            }
            let i = 0;
            let queue = void 0;
            for (; i < elements.length; i++) {
              if (len < i + 1) {
                if (ast.elements[i].isOptional) {
                  continue;
                }
              } else {
                const parser = elements[i];
                const te = parser(input[i], options3);
                if (isEither3(te)) {
                  if (isLeft2(te)) {
                    const e = new Pointer(i, input, te.left);
                    if (allErrors) {
                      es.push([stepKey++, e]);
                      continue;
                    } else {
                      return left2(new Composite2(ast, input, e, sortByIndex(output)));
                    }
                  }
                  output.push([stepKey++, te.right]);
                } else {
                  const nk = stepKey++;
                  const index = i;
                  if (!queue) {
                    queue = [];
                  }
                  queue.push(({
                    es: es2,
                    output: output2
                  }) => flatMap9(either3(te), (t) => {
                    if (isLeft2(t)) {
                      const e = new Pointer(index, input, t.left);
                      if (allErrors) {
                        es2.push([nk, e]);
                        return _void;
                      } else {
                        return left2(new Composite2(ast, input, e, sortByIndex(output2)));
                      }
                    }
                    output2.push([nk, t.right]);
                    return _void;
                  }));
                }
              }
            }
            if (isNonEmptyReadonlyArray(rest)) {
              const [head7, ...tail] = rest;
              for (; i < len - tail.length; i++) {
                const te = head7(input[i], options3);
                if (isEither3(te)) {
                  if (isLeft2(te)) {
                    const e = new Pointer(i, input, te.left);
                    if (allErrors) {
                      es.push([stepKey++, e]);
                      continue;
                    } else {
                      return left2(new Composite2(ast, input, e, sortByIndex(output)));
                    }
                  } else {
                    output.push([stepKey++, te.right]);
                  }
                } else {
                  const nk = stepKey++;
                  const index = i;
                  if (!queue) {
                    queue = [];
                  }
                  queue.push(({
                    es: es2,
                    output: output2
                  }) => flatMap9(either3(te), (t) => {
                    if (isLeft2(t)) {
                      const e = new Pointer(index, input, t.left);
                      if (allErrors) {
                        es2.push([nk, e]);
                        return _void;
                      } else {
                        return left2(new Composite2(ast, input, e, sortByIndex(output2)));
                      }
                    } else {
                      output2.push([nk, t.right]);
                      return _void;
                    }
                  }));
                }
              }
              for (let j = 0; j < tail.length; j++) {
                const index = i + j;
                if (len < index + 1) {
                  continue;
                } else {
                  const te = tail[j](input[index], options3);
                  if (isEither3(te)) {
                    if (isLeft2(te)) {
                      const e = new Pointer(index, input, te.left);
                      if (allErrors) {
                        es.push([stepKey++, e]);
                        continue;
                      } else {
                        return left2(new Composite2(ast, input, e, sortByIndex(output)));
                      }
                    }
                    output.push([stepKey++, te.right]);
                  } else {
                    const nk = stepKey++;
                    if (!queue) {
                      queue = [];
                    }
                    queue.push(({
                      es: es2,
                      output: output2
                    }) => flatMap9(either3(te), (t) => {
                      if (isLeft2(t)) {
                        const e = new Pointer(index, input, t.left);
                        if (allErrors) {
                          es2.push([nk, e]);
                          return _void;
                        } else {
                          return left2(new Composite2(ast, input, e, sortByIndex(output2)));
                        }
                      }
                      output2.push([nk, t.right]);
                      return _void;
                    }));
                  }
                }
              }
            }
            const computeResult = ({
              es: es2,
              output: output2
            }) => isNonEmptyArray2(es2) ? left2(new Composite2(ast, input, sortByIndex(es2), sortByIndex(output2))) : right2(sortByIndex(output2));
            if (queue && queue.length > 0) {
              const cqueue = queue;
              return suspend4(() => {
                const state = {
                  es: copy(es),
                  output: copy(output)
                };
                return flatMap9(forEach8(cqueue, (f) => f(state), {
                  concurrency,
                  batching,
                  discard: true
                }), () => computeResult(state));
              });
            }
            return computeResult({
              output,
              es
            });
          };
        }
        case "TypeLiteral": {
          if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
            return fromRefinement(ast, isNotNullable);
          }
          const propertySignatures = [];
          const expectedKeysMap = {};
          const expectedKeys = [];
          for (const ps of ast.propertySignatures) {
            propertySignatures.push([goMemo(ps.type, isDecoding), ps]);
            expectedKeysMap[ps.name] = null;
            expectedKeys.push(ps.name);
          }
          const indexSignatures = ast.indexSignatures.map((is2) => [goMemo(is2.parameter, isDecoding), goMemo(is2.type, isDecoding), is2.parameter]);
          const expectedAST = Union.make(ast.indexSignatures.map((is2) => is2.parameter).concat(expectedKeys.map((key) => isSymbol(key) ? new UniqueSymbol(key) : new Literal(key))));
          const expected = goMemo(expectedAST, isDecoding);
          const concurrency = getConcurrency(ast);
          const batching = getBatching(ast);
          return (input, options3) => {
            if (!isRecord(input)) {
              return left2(new Type2(ast, input));
            }
            const allErrors = options3?.errors === "all";
            const es = [];
            let stepKey = 0;
            const onExcessPropertyError = options3?.onExcessProperty === "error";
            const onExcessPropertyPreserve = options3?.onExcessProperty === "preserve";
            const output = {};
            let inputKeys;
            if (onExcessPropertyError || onExcessPropertyPreserve) {
              inputKeys = Reflect.ownKeys(input);
              for (const key of inputKeys) {
                const te = expected(key, options3);
                if (isEither3(te) && isLeft2(te)) {
                  if (onExcessPropertyError) {
                    const e = new Pointer(key, input, new Unexpected(input[key], `is unexpected, expected: ${String(expectedAST)}`));
                    if (allErrors) {
                      es.push([stepKey++, e]);
                      continue;
                    } else {
                      return left2(new Composite2(ast, input, e, output));
                    }
                  } else {
                    output[key] = input[key];
                  }
                }
              }
            }
            let queue = void 0;
            const isExact = options3?.exact === true;
            for (let i = 0; i < propertySignatures.length; i++) {
              const ps = propertySignatures[i][1];
              const name = ps.name;
              const hasKey = Object.prototype.hasOwnProperty.call(input, name);
              if (!hasKey) {
                if (ps.isOptional) {
                  continue;
                } else if (isExact) {
                  const e = new Pointer(name, input, new Missing(ps));
                  if (allErrors) {
                    es.push([stepKey++, e]);
                    continue;
                  } else {
                    return left2(new Composite2(ast, input, e, output));
                  }
                }
              }
              const parser = propertySignatures[i][0];
              const te = parser(input[name], options3);
              if (isEither3(te)) {
                if (isLeft2(te)) {
                  const e = new Pointer(name, input, hasKey ? te.left : new Missing(ps));
                  if (allErrors) {
                    es.push([stepKey++, e]);
                    continue;
                  } else {
                    return left2(new Composite2(ast, input, e, output));
                  }
                }
                output[name] = te.right;
              } else {
                const nk = stepKey++;
                const index = name;
                if (!queue) {
                  queue = [];
                }
                queue.push(({
                  es: es2,
                  output: output2
                }) => flatMap9(either3(te), (t) => {
                  if (isLeft2(t)) {
                    const e = new Pointer(index, input, hasKey ? t.left : new Missing(ps));
                    if (allErrors) {
                      es2.push([nk, e]);
                      return _void;
                    } else {
                      return left2(new Composite2(ast, input, e, output2));
                    }
                  }
                  output2[index] = t.right;
                  return _void;
                }));
              }
            }
            for (let i = 0; i < indexSignatures.length; i++) {
              const indexSignature = indexSignatures[i];
              const parameter = indexSignature[0];
              const type = indexSignature[1];
              const keys6 = getKeysForIndexSignature(input, indexSignature[2]);
              for (const key of keys6) {
                const keu = parameter(key, options3);
                if (isEither3(keu) && isRight2(keu)) {
                  const vpr = type(input[key], options3);
                  if (isEither3(vpr)) {
                    if (isLeft2(vpr)) {
                      const e = new Pointer(key, input, vpr.left);
                      if (allErrors) {
                        es.push([stepKey++, e]);
                        continue;
                      } else {
                        return left2(new Composite2(ast, input, e, output));
                      }
                    } else {
                      if (!Object.prototype.hasOwnProperty.call(expectedKeysMap, key)) {
                        output[key] = vpr.right;
                      }
                    }
                  } else {
                    const nk = stepKey++;
                    const index = key;
                    if (!queue) {
                      queue = [];
                    }
                    queue.push(({
                      es: es2,
                      output: output2
                    }) => flatMap9(either3(vpr), (tv) => {
                      if (isLeft2(tv)) {
                        const e = new Pointer(index, input, tv.left);
                        if (allErrors) {
                          es2.push([nk, e]);
                          return _void;
                        } else {
                          return left2(new Composite2(ast, input, e, output2));
                        }
                      } else {
                        if (!Object.prototype.hasOwnProperty.call(expectedKeysMap, key)) {
                          output2[key] = tv.right;
                        }
                        return _void;
                      }
                    }));
                  }
                }
              }
            }
            const computeResult = ({
              es: es2,
              output: output2
            }) => {
              if (isNonEmptyArray2(es2)) {
                return left2(new Composite2(ast, input, sortByIndex(es2), output2));
              }
              if (options3?.propertyOrder === "original") {
                const keys6 = inputKeys || Reflect.ownKeys(input);
                for (const name of expectedKeys) {
                  if (keys6.indexOf(name) === -1) {
                    keys6.push(name);
                  }
                }
                const out = {};
                for (const key of keys6) {
                  if (Object.prototype.hasOwnProperty.call(output2, key)) {
                    out[key] = output2[key];
                  }
                }
                return right2(out);
              }
              return right2(output2);
            };
            if (queue && queue.length > 0) {
              const cqueue = queue;
              return suspend4(() => {
                const state = {
                  es: copy(es),
                  output: Object.assign({}, output)
                };
                return flatMap9(forEach8(cqueue, (f) => f(state), {
                  concurrency,
                  batching,
                  discard: true
                }), () => computeResult(state));
              });
            }
            return computeResult({
              es,
              output
            });
          };
        }
        case "Union": {
          const searchTree = getSearchTree(ast.types, isDecoding);
          const ownKeys = Reflect.ownKeys(searchTree.keys);
          const ownKeysLen = ownKeys.length;
          const astTypesLen = ast.types.length;
          const map22 = /* @__PURE__ */ new Map();
          for (let i = 0; i < astTypesLen; i++) {
            map22.set(ast.types[i], goMemo(ast.types[i], isDecoding));
          }
          const concurrency = getConcurrency(ast) ?? 1;
          const batching = getBatching(ast);
          return (input, options3) => {
            const es = [];
            let stepKey = 0;
            let candidates = [];
            if (ownKeysLen > 0) {
              if (isRecordOrArray(input)) {
                for (let i = 0; i < ownKeysLen; i++) {
                  const name = ownKeys[i];
                  const buckets = searchTree.keys[name].buckets;
                  if (Object.prototype.hasOwnProperty.call(input, name)) {
                    const literal = String(input[name]);
                    if (Object.prototype.hasOwnProperty.call(buckets, literal)) {
                      candidates = candidates.concat(buckets[literal]);
                    } else {
                      const {
                        candidates: candidates2,
                        literals
                      } = searchTree.keys[name];
                      const literalsUnion = Union.make(literals);
                      const errorAst = candidates2.length === astTypesLen ? new TypeLiteral([new PropertySignature(name, literalsUnion, false, true)], []) : Union.make(candidates2);
                      es.push([stepKey++, new Composite2(errorAst, input, new Pointer(name, input, new Type2(literalsUnion, input[name])))]);
                    }
                  } else {
                    const {
                      candidates: candidates2,
                      literals
                    } = searchTree.keys[name];
                    const fakePropertySignature = new PropertySignature(name, Union.make(literals), false, true);
                    const errorAst = candidates2.length === astTypesLen ? new TypeLiteral([fakePropertySignature], []) : Union.make(candidates2);
                    es.push([stepKey++, new Composite2(errorAst, input, new Pointer(name, input, new Missing(fakePropertySignature)))]);
                  }
                }
              } else {
                const errorAst = searchTree.candidates.length === astTypesLen ? ast : Union.make(searchTree.candidates);
                es.push([stepKey++, new Type2(errorAst, input)]);
              }
            }
            if (searchTree.otherwise.length > 0) {
              candidates = candidates.concat(searchTree.otherwise);
            }
            let queue = void 0;
            for (let i = 0; i < candidates.length; i++) {
              const candidate = candidates[i];
              const pr = map22.get(candidate)(input, options3);
              if (isEither3(pr) && (!queue || queue.length === 0)) {
                if (isRight2(pr)) {
                  return pr;
                } else {
                  es.push([stepKey++, pr.left]);
                }
              } else {
                const nk = stepKey++;
                if (!queue) {
                  queue = [];
                }
                queue.push((state) => suspend4(() => {
                  if ("finalResult" in state) {
                    return _void;
                  } else {
                    return flatMap9(either3(pr), (t) => {
                      if (isRight2(t)) {
                        state.finalResult = t;
                      } else {
                        state.es.push([nk, t.left]);
                      }
                      return _void;
                    });
                  }
                }));
              }
            }
            const computeResult = (es2) => isNonEmptyArray2(es2) ? es2.length === 1 && es2[0][1]._tag === "Type" ? left2(es2[0][1]) : left2(new Composite2(ast, input, sortByIndex(es2))) : (
              // this should never happen
              left2(new Type2(ast, input))
            );
            if (queue && queue.length > 0) {
              const cqueue = queue;
              return suspend4(() => {
                const state = {
                  es: copy(es)
                };
                return flatMap9(forEach8(cqueue, (f) => f(state), {
                  concurrency,
                  batching,
                  discard: true
                }), () => {
                  if ("finalResult" in state) {
                    return state.finalResult;
                  }
                  return computeResult(state.es);
                });
              });
            }
            return computeResult(es);
          };
        }
        case "Suspend": {
          const get17 = memoizeThunk(() => goMemo(ast.f(), isDecoding));
          return (a, options3) => get17()(a, options3);
        }
      }
    };
    fromRefinement = (ast, refinement) => (u) => refinement(u) ? right2(u) : left2(new Type2(ast, u));
    getLiterals = (ast, isDecoding) => {
      switch (ast._tag) {
        case "Declaration": {
          const annotation = getSurrogateAnnotation(ast);
          if (isSome2(annotation)) {
            return getLiterals(annotation.value, isDecoding);
          }
          break;
        }
        case "TypeLiteral": {
          const out = [];
          for (let i = 0; i < ast.propertySignatures.length; i++) {
            const propertySignature2 = ast.propertySignatures[i];
            const type = isDecoding ? encodedAST(propertySignature2.type) : typeAST(propertySignature2.type);
            if (isLiteral(type) && !propertySignature2.isOptional) {
              out.push([propertySignature2.name, type]);
            }
          }
          return out;
        }
        case "TupleType": {
          const out = [];
          for (let i = 0; i < ast.elements.length; i++) {
            const element = ast.elements[i];
            const type = isDecoding ? encodedAST(element.type) : typeAST(element.type);
            if (isLiteral(type) && !element.isOptional) {
              out.push([i, type]);
            }
          }
          return out;
        }
        case "Refinement":
          return getLiterals(ast.from, isDecoding);
        case "Suspend":
          return getLiterals(ast.f(), isDecoding);
        case "Transformation":
          return getLiterals(isDecoding ? ast.from : ast.to, isDecoding);
      }
      return [];
    };
    getSearchTree = (members, isDecoding) => {
      const keys6 = {};
      const otherwise = [];
      const candidates = [];
      for (let i = 0; i < members.length; i++) {
        const member = members[i];
        const tags = getLiterals(member, isDecoding);
        if (tags.length > 0) {
          candidates.push(member);
          for (let j = 0; j < tags.length; j++) {
            const [key, literal] = tags[j];
            const hash2 = String(literal.literal);
            keys6[key] = keys6[key] || {
              buckets: {},
              literals: [],
              candidates: []
            };
            const buckets = keys6[key].buckets;
            if (Object.prototype.hasOwnProperty.call(buckets, hash2)) {
              if (j < tags.length - 1) {
                continue;
              }
              buckets[hash2].push(member);
              keys6[key].literals.push(literal);
              keys6[key].candidates.push(member);
            } else {
              buckets[hash2] = [member];
              keys6[key].literals.push(literal);
              keys6[key].candidates.push(member);
              break;
            }
          }
        } else {
          otherwise.push(member);
        }
      }
      return {
        keys: keys6,
        otherwise,
        candidates
      };
    };
    dropRightRefinement = (ast) => isRefinement(ast) ? dropRightRefinement(ast.from) : ast;
    handleForbidden = (effect3, ast, actual, options3) => {
      if (options3?.isEffectAllowed === true) {
        return effect3;
      }
      if (isEither3(effect3)) {
        return effect3;
      }
      const scheduler = new SyncScheduler();
      const fiber = runFork2(effect3, {
        scheduler
      });
      scheduler.flush();
      const exit4 = fiber.unsafePoll();
      if (exit4) {
        if (isSuccess(exit4)) {
          return right2(exit4.value);
        }
        const cause2 = exit4.cause;
        if (isFailType2(cause2)) {
          return left2(cause2.error);
        }
        return left2(new Forbidden(ast, actual, pretty2(cause2)));
      }
      return left2(new Forbidden(ast, actual, "cannot be be resolved synchronously, this is caused by using runSync on an effect that performs async work"));
    };
    compare = ([a], [b]) => a > b ? 1 : a < b ? -1 : 0;
    getFinalTransformation = (transformation, isDecoding) => {
      switch (transformation._tag) {
        case "FinalTransformation":
          return isDecoding ? transformation.decode : transformation.encode;
        case "ComposeTransformation":
          return right2;
        case "TypeLiteralTransformation":
          return (input) => {
            let out = right2(input);
            for (const pst of transformation.propertySignatureTransformations) {
              const [from, to] = isDecoding ? [pst.from, pst.to] : [pst.to, pst.from];
              const transformation2 = isDecoding ? pst.decode : pst.encode;
              const f = (input2) => {
                const o = transformation2(Object.prototype.hasOwnProperty.call(input2, from) ? some2(input2[from]) : none2());
                delete input2[from];
                if (isSome2(o)) {
                  input2[to] = o.value;
                }
                return input2;
              };
              out = map21(out, f);
            }
            return out;
          };
      }
    };
    makeTree = (value2, forest = []) => ({
      value: value2,
      forest
    });
    TreeFormatter = {
      formatIssue: (issue) => map21(formatTree(issue), drawTree),
      formatIssueSync: (issue) => {
        const e = TreeFormatter.formatIssue(issue);
        return isEither3(e) ? getOrThrow(e) : runSync(e);
      },
      formatError: (error) => TreeFormatter.formatIssue(error.issue),
      formatErrorSync: (error) => TreeFormatter.formatIssueSync(error.issue)
    };
    drawTree = (tree) => tree.value + draw("\n", tree.forest);
    draw = (indentation, forest) => {
      let r = "";
      const len = forest.length;
      let tree;
      for (let i = 0; i < len; i++) {
        tree = forest[i];
        const isLast = i === len - 1;
        r += indentation + (isLast ? "\u2514" : "\u251C") + "\u2500 " + tree.value;
        r += draw(indentation + (len > 1 && !isLast ? "\u2502  " : "   "), tree.forest);
      }
      return r;
    };
    formatTransformationKind = (kind) => {
      switch (kind) {
        case "Encoded":
          return "Encoded side transformation failure";
        case "Transformation":
          return "Transformation process failure";
        case "Type":
          return "Type side transformation failure";
      }
    };
    formatRefinementKind = (kind) => {
      switch (kind) {
        case "From":
          return "From side refinement failure";
        case "Predicate":
          return "Predicate refinement failure";
      }
    };
    getAnnotated = (issue) => "ast" in issue ? some2(issue.ast) : none2();
    Either_void = /* @__PURE__ */ right2(void 0);
    getCurrentMessage = (issue) => getAnnotated(issue).pipe(flatMap(getMessageAnnotation), match2({
      onNone: () => Either_void,
      onSome: (messageAnnotation) => {
        const union8 = messageAnnotation(issue);
        if (isString(union8)) {
          return right2({
            message: union8,
            override: false
          });
        }
        if (isEffect2(union8)) {
          return map17(union8, (message) => ({
            message,
            override: false
          }));
        }
        if (isString(union8.message)) {
          return right2({
            message: union8.message,
            override: union8.override
          });
        }
        return map17(union8.message, (message) => ({
          message,
          override: union8.override
        }));
      }
    }));
    createParseIssueGuard = (tag2) => (issue) => issue._tag === tag2;
    isComposite2 = /* @__PURE__ */ createParseIssueGuard("Composite");
    isRefinement2 = /* @__PURE__ */ createParseIssueGuard("Refinement");
    isTransformation2 = /* @__PURE__ */ createParseIssueGuard("Transformation");
    getMessage = (issue) => flatMap14(getCurrentMessage(issue), (currentMessage) => {
      if (currentMessage !== void 0) {
        const useInnerMessage = !currentMessage.override && (isComposite2(issue) || isRefinement2(issue) && issue.kind === "From" || isTransformation2(issue) && issue.kind !== "Transformation");
        return useInnerMessage ? isTransformation2(issue) || isRefinement2(issue) ? getMessage(issue.issue) : Either_void : right2(currentMessage.message);
      }
      return Either_void;
    });
    getParseIssueTitleAnnotation2 = (issue) => getAnnotated(issue).pipe(flatMap(getParseIssueTitleAnnotation), flatMapNullable((annotation) => annotation(issue)), getOrUndefined);
    formatTypeMessage = (issue) => map21(getMessage(issue), (message) => message ?? getParseIssueTitleAnnotation2(issue) ?? getDefaultTypeMessage(issue));
    getParseIssueTitle = (issue) => getParseIssueTitleAnnotation2(issue) ?? String(issue.ast);
    formatForbiddenMessage = (issue) => issue.message ?? "is forbidden";
    formatUnexpectedMessage = (issue) => issue.message ?? "is unexpected";
    formatMissingMessage = (issue) => {
      const missingMessageAnnotation = getMissingMessageAnnotation(issue.ast);
      if (isSome2(missingMessageAnnotation)) {
        const annotation = missingMessageAnnotation.value();
        return isString(annotation) ? right2(annotation) : annotation;
      }
      return right2(issue.message ?? "is missing");
    };
    formatTree = (issue) => {
      switch (issue._tag) {
        case "Type":
          return map21(formatTypeMessage(issue), makeTree);
        case "Forbidden":
          return right2(makeTree(getParseIssueTitle(issue), [makeTree(formatForbiddenMessage(issue))]));
        case "Unexpected":
          return right2(makeTree(formatUnexpectedMessage(issue)));
        case "Missing":
          return map21(formatMissingMessage(issue), makeTree);
        case "Transformation":
          return flatMap14(getMessage(issue), (message) => {
            if (message !== void 0) {
              return right2(makeTree(message));
            }
            return map21(formatTree(issue.issue), (tree) => makeTree(getParseIssueTitle(issue), [makeTree(formatTransformationKind(issue.kind), [tree])]));
          });
        case "Refinement":
          return flatMap14(getMessage(issue), (message) => {
            if (message !== void 0) {
              return right2(makeTree(message));
            }
            return map21(formatTree(issue.issue), (tree) => makeTree(getParseIssueTitle(issue), [makeTree(formatRefinementKind(issue.kind), [tree])]));
          });
        case "Pointer":
          return map21(formatTree(issue.issue), (tree) => makeTree(formatPath(issue.path), [tree]));
        case "Composite":
          return flatMap14(getMessage(issue), (message) => {
            if (message !== void 0) {
              return right2(makeTree(message));
            }
            const parseIssueTitle = getParseIssueTitle(issue);
            return isNonEmpty5(issue.issues) ? map21(forEach8(issue.issues, formatTree), (forest) => makeTree(parseIssueTitle, forest)) : map21(formatTree(issue.issues), (tree) => makeTree(parseIssueTitle, [tree]));
          });
      }
    };
  }
});

// node_modules/effect/dist/esm/Redacted.js
var make44;
var init_Redacted = __esm({
  "node_modules/effect/dist/esm/Redacted.js"() {
    init_redacted();
    make44 = make43;
  }
});

// node_modules/effect/dist/esm/Struct.js
var pick2, omit2;
var init_Struct = __esm({
  "node_modules/effect/dist/esm/Struct.js"() {
    init_Function();
    init_Predicate();
    pick2 = /* @__PURE__ */ dual((args2) => isObject(args2[0]), (s, ...keys6) => {
      const out = {};
      for (const k of keys6) {
        if (k in s) {
          out[k] = s[k];
        }
      }
      return out;
    });
    omit2 = /* @__PURE__ */ dual((args2) => isObject(args2[0]), (s, ...keys6) => {
      const out = {
        ...s
      };
      for (const k of keys6) {
        delete out[k];
      }
      return out;
    });
  }
});

// node_modules/effect/dist/esm/Schema.js
function make45(ast) {
  return class SchemaClass {
    [TypeId16] = variance5;
    static ast = ast;
    static annotations(annotations2) {
      return make45(mergeSchemaAnnotations(this.ast, annotations2));
    }
    static pipe() {
      return pipeArguments(this, arguments);
    }
    static toString() {
      return String(ast);
    }
    static Type;
    static Encoded;
    static Context;
    static [TypeId16] = variance5;
  };
}
function getDefaultLiteralAST(literals) {
  return isMembers(literals) ? Union.make(mapMembers(literals, (literal) => new Literal(literal))) : new Literal(literals[0]);
}
function makeLiteralClass(literals, ast = getDefaultLiteralAST(literals)) {
  return class LiteralClass extends make45(ast) {
    static annotations(annotations2) {
      return makeLiteralClass(this.literals, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static literals = [...literals];
  };
}
function Literal2(...literals) {
  return isNonEmptyReadonlyArray(literals) ? makeLiteralClass(literals) : Never;
}
function makeDeclareClass(typeParameters, ast) {
  return class DeclareClass extends make45(ast) {
    static annotations(annotations2) {
      return makeDeclareClass(this.typeParameters, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static typeParameters = [...typeParameters];
  };
}
function makeUnionClass(members, ast = getDefaultUnionAST(members)) {
  return class UnionClass extends make45(ast) {
    static annotations(annotations2) {
      return makeUnionClass(this.members, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static members = [...members];
  };
}
function Union2(...members) {
  return isMembers(members) ? makeUnionClass(members) : isNonEmptyReadonlyArray(members) ? members[0] : Never;
}
function makeTupleTypeClass(elements, rest, ast = getDefaultTupleTypeAST(elements, rest)) {
  return class TupleTypeClass extends make45(ast) {
    static annotations(annotations2) {
      return makeTupleTypeClass(this.elements, this.rest, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static elements = [...elements];
    static rest = [...rest];
  };
}
function makeArrayClass(value2, ast) {
  return class ArrayClass extends makeTupleTypeClass([], [value2], ast) {
    static annotations(annotations2) {
      return makeArrayClass(this.value, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static value = value2;
  };
}
function makeTypeLiteralClass(fields, records, ast = getDefaultTypeLiteralAST(fields, records)) {
  return class TypeLiteralClass extends make45(ast) {
    static annotations(annotations2) {
      return makeTypeLiteralClass(this.fields, this.records, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static fields = {
      ...fields
    };
    static records = [...records];
    static make = (props, options3) => {
      const propsWithDefaults = lazilyMergeDefaults(fields, {
        ...props
      });
      return getDisableValidationMakeOption(options3) ? propsWithDefaults : validateSync(this)(propsWithDefaults);
    };
    static pick(...keys6) {
      return Struct(pick2(fields, ...keys6));
    }
    static omit(...keys6) {
      return Struct(omit2(fields, ...keys6));
    }
  };
}
function Struct(fields, ...records) {
  return makeTypeLiteralClass(fields, records);
}
function makeRecordClass(key, value2, ast) {
  return class RecordClass extends makeTypeLiteralClass({}, [{
    key,
    value: value2
  }], ast) {
    static annotations(annotations2) {
      return makeRecordClass(key, value2, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static key = key;
    static value = value2;
  };
}
function makeRefineClass(from, filter11, ast) {
  return class RefineClass extends make45(ast) {
    static annotations(annotations2) {
      return makeRefineClass(this.from, this.filter, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static [RefineSchemaId] = from;
    static from = from;
    static filter = filter11;
    static make = (a, options3) => {
      return getDisableValidationMakeOption(options3) ? a : validateSync(this)(a);
    };
  };
}
function filter10(predicate, annotations2) {
  return (self) => {
    function filter11(input, options3, ast2) {
      return toFilterParseIssue(predicate(input, options3, ast2), ast2, input);
    }
    const ast = new Refinement(self.ast, filter11, toASTAnnotations(annotations2));
    return makeRefineClass(self, filter11, ast);
  };
}
function makeTransformationClass(from, to, ast) {
  return class TransformationClass extends make45(ast) {
    static annotations(annotations2) {
      return makeTransformationClass(this.from, this.to, mergeSchemaAnnotations(this.ast, annotations2));
    }
    static from = from;
    static to = to;
  };
}
function getDisableValidationMakeOption(options3) {
  return isBoolean(options3) ? options3 : options3?.disableValidation ?? false;
}
var TypeId16, variance5, builtInAnnotations, toASTAnnotations, mergeSchemaAnnotations, encodedSchema, typeSchema, decodeUnknown2, decodeUnknownEither2, isSchema, declareConstructor, declarePrimitive, declare, Undefined, Null, Never, Unknown, String$, Number$, getDefaultUnionAST, NullOr, UndefinedOr, ElementImpl, getDefaultTupleTypeAST, Array$, formatPropertySignatureToken, PropertySignatureDeclaration, ToPropertySignature, formatPropertyKey2, PropertySignatureTransformation2, mergeSignatureAnnotations, PropertySignatureTypeId, isPropertySignature, PropertySignatureImpl, makePropertySignature, PropertySignatureWithFromImpl, propertySignature, withConstructorDefault, optional, preserveMissingMessageAnnotation, getDefaultTypeLiteralAST, lazilyMergeDefaults, Record, intersectTypeLiterals, preserveRefinementAnnotations, addRefinementToMembers, extendAST, getTypes, intersectUnionMembers, extend3, RefineSchemaId, fromFilterPredicateReturnTypeItem, toFilterParseIssue, transformOrFail, transform2, PatternSchemaId, pattern, UUIDSchemaId, uuidRegexp, UUID, DateFromSelfSchemaId2, DateFromSelf, isField, isFields, getFields, getSchemaFromFieldsOr, getFieldsFromFieldsOr, getClassTag, TaggedError2, extendFields, astCache, getClassAnnotations, makeClass, Defect;
var init_Schema = __esm({
  "node_modules/effect/dist/esm/Schema.js"() {
    init_Array();
    init_Data();
    init_Either();
    init_Equivalence();
    init_Function();
    init_GlobalValue();
    init_Inspectable();
    init_cause2();
    init_errors2();
    init_schemaId();
    init_util();
    init_Option();
    init_ParseResult();
    init_Pipeable();
    init_Predicate();
    init_SchemaAST();
    init_Struct();
    init_ParseResult();
    TypeId16 = /* @__PURE__ */ Symbol.for("effect/Schema");
    variance5 = {
      /* c8 ignore next */
      _A: (_) => _,
      /* c8 ignore next */
      _I: (_) => _,
      /* c8 ignore next */
      _R: (_) => _
    };
    builtInAnnotations = {
      typeConstructor: TypeConstructorAnnotationId,
      schemaId: SchemaIdAnnotationId,
      message: MessageAnnotationId,
      missingMessage: MissingMessageAnnotationId,
      identifier: IdentifierAnnotationId,
      title: TitleAnnotationId,
      description: DescriptionAnnotationId,
      examples: ExamplesAnnotationId,
      default: DefaultAnnotationId,
      documentation: DocumentationAnnotationId,
      jsonSchema: JSONSchemaAnnotationId,
      arbitrary: ArbitraryAnnotationId,
      pretty: PrettyAnnotationId,
      equivalence: EquivalenceAnnotationId,
      concurrency: ConcurrencyAnnotationId,
      batching: BatchingAnnotationId,
      parseIssueTitle: ParseIssueTitleAnnotationId,
      parseOptions: ParseOptionsAnnotationId,
      decodingFallback: DecodingFallbackAnnotationId
    };
    toASTAnnotations = (annotations2) => {
      if (!annotations2) {
        return {};
      }
      const out = {
        ...annotations2
      };
      for (const key in builtInAnnotations) {
        if (key in annotations2) {
          const id2 = builtInAnnotations[key];
          out[id2] = annotations2[key];
          delete out[key];
        }
      }
      return out;
    };
    mergeSchemaAnnotations = (ast, annotations2) => annotations(ast, toASTAnnotations(annotations2));
    encodedSchema = (schema) => make45(encodedAST(schema.ast));
    typeSchema = (schema) => make45(typeAST(schema.ast));
    decodeUnknown2 = (schema, options3) => {
      const decodeUnknown3 = decodeUnknown(schema, options3);
      return (u, overrideOptions) => mapError7(decodeUnknown3(u, overrideOptions), parseError);
    };
    decodeUnknownEither2 = (schema, options3) => {
      const decodeUnknownEither3 = decodeUnknownEither(schema, options3);
      return (u, overrideOptions) => mapLeft(decodeUnknownEither3(u, overrideOptions), parseError);
    };
    isSchema = (u) => hasProperty(u, TypeId16) && isObject(u[TypeId16]);
    declareConstructor = (typeParameters, options3, annotations2) => makeDeclareClass(typeParameters, new Declaration(typeParameters.map((tp) => tp.ast), (...typeParameters2) => options3.decode(...typeParameters2.map(make45)), (...typeParameters2) => options3.encode(...typeParameters2.map(make45)), toASTAnnotations(annotations2)));
    declarePrimitive = (is2, annotations2) => {
      const decodeUnknown3 = () => (input, _, ast) => is2(input) ? succeed11(input) : fail12(new Type2(ast, input));
      const encodeUnknown2 = decodeUnknown3;
      return makeDeclareClass([], new Declaration([], decodeUnknown3, encodeUnknown2, toASTAnnotations(annotations2)));
    };
    declare = function() {
      if (Array.isArray(arguments[0])) {
        const typeParameters = arguments[0];
        const options3 = arguments[1];
        const annotations3 = arguments[2];
        return declareConstructor(typeParameters, options3, annotations3);
      }
      const is2 = arguments[0];
      const annotations2 = arguments[1];
      return declarePrimitive(is2, annotations2);
    };
    Undefined = class extends (/* @__PURE__ */ make45(undefinedKeyword)) {
    };
    Null = class extends (/* @__PURE__ */ make45($null)) {
    };
    Never = class extends (/* @__PURE__ */ make45(neverKeyword)) {
    };
    Unknown = class extends (/* @__PURE__ */ make45(unknownKeyword)) {
    };
    String$ = class extends (/* @__PURE__ */ make45(stringKeyword)) {
    };
    Number$ = class extends (/* @__PURE__ */ make45(numberKeyword)) {
    };
    getDefaultUnionAST = (members) => Union.make(members.map((m) => m.ast));
    NullOr = (self) => Union2(self, Null);
    UndefinedOr = (self) => Union2(self, Undefined);
    ElementImpl = class _ElementImpl {
      ast;
      from;
      [TypeId16];
      _Token;
      constructor(ast, from) {
        this.ast = ast;
        this.from = from;
      }
      annotations(annotations2) {
        return new _ElementImpl(new OptionalType(this.ast.type, this.ast.isOptional, {
          ...this.ast.annotations,
          ...toASTAnnotations(annotations2)
        }), this.from);
      }
      toString() {
        return `${this.ast.type}${this.ast.isOptional ? "?" : ""}`;
      }
    };
    getDefaultTupleTypeAST = (elements, rest) => new TupleType(elements.map((el) => isSchema(el) ? new OptionalType(el.ast, false) : el.ast), rest.map((el) => isSchema(el) ? new Type(el.ast) : el.ast), true);
    Array$ = (value2) => makeArrayClass(value2);
    formatPropertySignatureToken = (isOptional) => isOptional ? '"?:"' : '":"';
    PropertySignatureDeclaration = class extends OptionalType {
      isReadonly;
      defaultValue;
      /**
       * @since 3.10.0
       */
      _tag = "PropertySignatureDeclaration";
      constructor(type, isOptional, isReadonly, annotations2, defaultValue) {
        super(type, isOptional, annotations2);
        this.isReadonly = isReadonly;
        this.defaultValue = defaultValue;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        const token = formatPropertySignatureToken(this.isOptional);
        const type = String(this.type);
        return `PropertySignature<${token}, ${type}, never, ${token}, ${type}>`;
      }
    };
    ToPropertySignature = class extends OptionalType {
      isReadonly;
      defaultValue;
      constructor(type, isOptional, isReadonly, annotations2, defaultValue) {
        super(type, isOptional, annotations2);
        this.isReadonly = isReadonly;
        this.defaultValue = defaultValue;
      }
    };
    formatPropertyKey2 = (p) => {
      if (p === void 0) {
        return "never";
      }
      if (isString(p)) {
        return JSON.stringify(p);
      }
      return String(p);
    };
    PropertySignatureTransformation2 = class {
      from;
      to;
      decode;
      encode;
      /**
       * @since 3.10.0
       */
      _tag = "PropertySignatureTransformation";
      constructor(from, to, decode2, encode) {
        this.from = from;
        this.to = to;
        this.decode = decode2;
        this.encode = encode;
      }
      /**
       * @since 3.10.0
       */
      toString() {
        return `PropertySignature<${formatPropertySignatureToken(this.to.isOptional)}, ${this.to.type}, ${formatPropertyKey2(this.from.fromKey)}, ${formatPropertySignatureToken(this.from.isOptional)}, ${this.from.type}>`;
      }
    };
    mergeSignatureAnnotations = (ast, annotations2) => {
      switch (ast._tag) {
        case "PropertySignatureDeclaration": {
          return new PropertySignatureDeclaration(ast.type, ast.isOptional, ast.isReadonly, {
            ...ast.annotations,
            ...annotations2
          }, ast.defaultValue);
        }
        case "PropertySignatureTransformation": {
          return new PropertySignatureTransformation2(ast.from, new ToPropertySignature(ast.to.type, ast.to.isOptional, ast.to.isReadonly, {
            ...ast.to.annotations,
            ...annotations2
          }, ast.to.defaultValue), ast.decode, ast.encode);
        }
      }
    };
    PropertySignatureTypeId = /* @__PURE__ */ Symbol.for("effect/PropertySignature");
    isPropertySignature = (u) => hasProperty(u, PropertySignatureTypeId);
    PropertySignatureImpl = class _PropertySignatureImpl {
      ast;
      [TypeId16];
      [PropertySignatureTypeId] = null;
      _TypeToken;
      _Key;
      _EncodedToken;
      _HasDefault;
      constructor(ast) {
        this.ast = ast;
      }
      pipe() {
        return pipeArguments(this, arguments);
      }
      annotations(annotations2) {
        return new _PropertySignatureImpl(mergeSignatureAnnotations(this.ast, toASTAnnotations(annotations2)));
      }
      toString() {
        return String(this.ast);
      }
    };
    makePropertySignature = (ast) => new PropertySignatureImpl(ast);
    PropertySignatureWithFromImpl = class _PropertySignatureWithFromImpl extends PropertySignatureImpl {
      from;
      constructor(ast, from) {
        super(ast);
        this.from = from;
      }
      annotations(annotations2) {
        return new _PropertySignatureWithFromImpl(mergeSignatureAnnotations(this.ast, toASTAnnotations(annotations2)), this.from);
      }
    };
    propertySignature = (self) => new PropertySignatureWithFromImpl(new PropertySignatureDeclaration(self.ast, false, true, {}, void 0), self);
    withConstructorDefault = /* @__PURE__ */ dual(2, (self, defaultValue) => {
      const ast = self.ast;
      switch (ast._tag) {
        case "PropertySignatureDeclaration":
          return makePropertySignature(new PropertySignatureDeclaration(ast.type, ast.isOptional, ast.isReadonly, ast.annotations, defaultValue));
        case "PropertySignatureTransformation":
          return makePropertySignature(new PropertySignatureTransformation2(ast.from, new ToPropertySignature(ast.to.type, ast.to.isOptional, ast.to.isReadonly, ast.to.annotations, defaultValue), ast.decode, ast.encode));
      }
    });
    optional = (self) => {
      const ast = self.ast === undefinedKeyword || self.ast === neverKeyword ? undefinedKeyword : UndefinedOr(self).ast;
      return new PropertySignatureWithFromImpl(new PropertySignatureDeclaration(ast, true, true, {}, void 0), self);
    };
    preserveMissingMessageAnnotation = /* @__PURE__ */ pickAnnotations([MissingMessageAnnotationId]);
    getDefaultTypeLiteralAST = (fields, records) => {
      const ownKeys = Reflect.ownKeys(fields);
      const pss = [];
      if (ownKeys.length > 0) {
        const from = [];
        const to = [];
        const transformations = [];
        for (let i = 0; i < ownKeys.length; i++) {
          const key = ownKeys[i];
          const field = fields[key];
          if (isPropertySignature(field)) {
            const ast = field.ast;
            switch (ast._tag) {
              case "PropertySignatureDeclaration": {
                const type = ast.type;
                const isOptional = ast.isOptional;
                const toAnnotations = ast.annotations;
                from.push(new PropertySignature(key, type, isOptional, true, preserveMissingMessageAnnotation(ast)));
                to.push(new PropertySignature(key, typeAST(type), isOptional, true, toAnnotations));
                pss.push(new PropertySignature(key, type, isOptional, true, toAnnotations));
                break;
              }
              case "PropertySignatureTransformation": {
                const fromKey = ast.from.fromKey ?? key;
                from.push(new PropertySignature(fromKey, ast.from.type, ast.from.isOptional, true, ast.from.annotations));
                to.push(new PropertySignature(key, ast.to.type, ast.to.isOptional, true, ast.to.annotations));
                transformations.push(new PropertySignatureTransformation(fromKey, key, ast.decode, ast.encode));
                break;
              }
            }
          } else {
            from.push(new PropertySignature(key, field.ast, false, true));
            to.push(new PropertySignature(key, typeAST(field.ast), false, true));
            pss.push(new PropertySignature(key, field.ast, false, true));
          }
        }
        if (isNonEmptyReadonlyArray(transformations)) {
          const issFrom = [];
          const issTo = [];
          for (const r of records) {
            const {
              indexSignatures,
              propertySignatures
            } = record(r.key.ast, r.value.ast);
            propertySignatures.forEach((ps) => {
              from.push(ps);
              to.push(new PropertySignature(ps.name, typeAST(ps.type), ps.isOptional, ps.isReadonly, ps.annotations));
            });
            indexSignatures.forEach((is2) => {
              issFrom.push(is2);
              issTo.push(new IndexSignature(is2.parameter, typeAST(is2.type), is2.isReadonly));
            });
          }
          return new Transformation(new TypeLiteral(from, issFrom, {
            [AutoTitleAnnotationId]: "Struct (Encoded side)"
          }), new TypeLiteral(to, issTo, {
            [AutoTitleAnnotationId]: "Struct (Type side)"
          }), new TypeLiteralTransformation(transformations));
        }
      }
      const iss = [];
      for (const r of records) {
        const {
          indexSignatures,
          propertySignatures
        } = record(r.key.ast, r.value.ast);
        propertySignatures.forEach((ps) => pss.push(ps));
        indexSignatures.forEach((is2) => iss.push(is2));
      }
      return new TypeLiteral(pss, iss);
    };
    lazilyMergeDefaults = (fields, out) => {
      const ownKeys = Reflect.ownKeys(fields);
      for (const key of ownKeys) {
        const field = fields[key];
        if (out[key] === void 0 && isPropertySignature(field)) {
          const ast = field.ast;
          const defaultValue = ast._tag === "PropertySignatureDeclaration" ? ast.defaultValue : ast.to.defaultValue;
          if (defaultValue !== void 0) {
            out[key] = defaultValue();
          }
        }
      }
      return out;
    };
    Record = (options3) => makeRecordClass(options3.key, options3.value);
    intersectTypeLiterals = (x, y, path) => {
      if (isTypeLiteral(x) && isTypeLiteral(y)) {
        const propertySignatures = [...x.propertySignatures];
        for (const ps of y.propertySignatures) {
          const name = ps.name;
          const i = propertySignatures.findIndex((ps2) => ps2.name === name);
          if (i === -1) {
            propertySignatures.push(ps);
          } else {
            const {
              isOptional,
              type
            } = propertySignatures[i];
            propertySignatures[i] = new PropertySignature(name, extendAST(type, ps.type, path.concat(name)), isOptional, true);
          }
        }
        return new TypeLiteral(propertySignatures, x.indexSignatures.concat(y.indexSignatures));
      }
      throw new Error(getSchemaExtendErrorMessage(x, y, path));
    };
    preserveRefinementAnnotations = /* @__PURE__ */ omitAnnotations([IdentifierAnnotationId]);
    addRefinementToMembers = (refinement, asts) => asts.map((ast) => new Refinement(ast, refinement.filter, preserveRefinementAnnotations(refinement)));
    extendAST = (x, y, path) => Union.make(intersectUnionMembers([x], [y], path));
    getTypes = (ast) => isUnion(ast) ? ast.types : [ast];
    intersectUnionMembers = (xs, ys, path) => flatMap2(xs, (x) => flatMap2(ys, (y) => {
      switch (y._tag) {
        case "Literal": {
          if (isString(y.literal) && isStringKeyword(x) || isNumber(y.literal) && isNumberKeyword(x) || isBoolean(y.literal) && isBooleanKeyword(x)) {
            return [y];
          }
          break;
        }
        case "StringKeyword": {
          if (y === stringKeyword) {
            if (isStringKeyword(x) || isLiteral(x) && isString(x.literal)) {
              return [x];
            } else if (isRefinement(x)) {
              return addRefinementToMembers(x, intersectUnionMembers(getTypes(x.from), [y], path));
            }
          } else if (x === stringKeyword) {
            return [y];
          }
          break;
        }
        case "NumberKeyword": {
          if (y === numberKeyword) {
            if (isNumberKeyword(x) || isLiteral(x) && isNumber(x.literal)) {
              return [x];
            } else if (isRefinement(x)) {
              return addRefinementToMembers(x, intersectUnionMembers(getTypes(x.from), [y], path));
            }
          } else if (x === numberKeyword) {
            return [y];
          }
          break;
        }
        case "BooleanKeyword": {
          if (y === booleanKeyword) {
            if (isBooleanKeyword(x) || isLiteral(x) && isBoolean(x.literal)) {
              return [x];
            } else if (isRefinement(x)) {
              return addRefinementToMembers(x, intersectUnionMembers(getTypes(x.from), [y], path));
            }
          } else if (x === booleanKeyword) {
            return [y];
          }
          break;
        }
        case "Union":
          return intersectUnionMembers(getTypes(x), y.types, path);
        case "Suspend":
          return [new Suspend(() => extendAST(x, y.f(), path))];
        case "Refinement":
          return addRefinementToMembers(y, intersectUnionMembers(getTypes(x), getTypes(y.from), path));
        case "TypeLiteral": {
          switch (x._tag) {
            case "Union":
              return intersectUnionMembers(x.types, [y], path);
            case "Suspend":
              return [new Suspend(() => extendAST(x.f(), y, path))];
            case "Refinement":
              return addRefinementToMembers(x, intersectUnionMembers(getTypes(x.from), [y], path));
            case "TypeLiteral":
              return [intersectTypeLiterals(x, y, path)];
            case "Transformation": {
              const transformation = x.transformation;
              const from = intersectTypeLiterals(x.from, y, path);
              const to = intersectTypeLiterals(x.to, typeAST(y), path);
              switch (transformation._tag) {
                case "TypeLiteralTransformation":
                  return [new Transformation(from, to, new TypeLiteralTransformation(transformation.propertySignatureTransformations))];
                case "ComposeTransformation":
                  return [new Transformation(from, to, composeTransformation)];
                case "FinalTransformation":
                  return [new Transformation(from, to, new FinalTransformation((fromA, options3, ast, fromI) => map21(transformation.decode(fromA, options3, ast, fromI), (partial2) => ({
                    ...fromA,
                    ...partial2
                  })), (toI, options3, ast, toA) => map21(transformation.encode(toI, options3, ast, toA), (partial2) => ({
                    ...toI,
                    ...partial2
                  }))))];
              }
            }
          }
          break;
        }
        case "Transformation": {
          if (isTransformation(x)) {
            if (isTypeLiteralTransformation(y.transformation) && isTypeLiteralTransformation(x.transformation)) {
              return [new Transformation(intersectTypeLiterals(x.from, y.from, path), intersectTypeLiterals(x.to, y.to, path), new TypeLiteralTransformation(y.transformation.propertySignatureTransformations.concat(x.transformation.propertySignatureTransformations)))];
            }
          } else {
            return intersectUnionMembers([y], [x], path);
          }
          break;
        }
      }
      throw new Error(getSchemaExtendErrorMessage(x, y, path));
    }));
    extend3 = /* @__PURE__ */ dual(2, (self, that) => make45(extendAST(self.ast, that.ast, [])));
    RefineSchemaId = /* @__PURE__ */ Symbol.for("effect/SchemaId/Refine");
    fromFilterPredicateReturnTypeItem = (item, ast, input) => {
      if (isBoolean(item)) {
        return item ? none2() : some2(new Type2(ast, input));
      }
      if (isString(item)) {
        return some2(new Type2(ast, input, item));
      }
      if (item !== void 0) {
        if ("_tag" in item) {
          return some2(item);
        }
        const issue = new Type2(ast, input, item.message);
        return some2(isNonEmptyReadonlyArray(item.path) ? new Pointer(item.path, input, issue) : issue);
      }
      return none2();
    };
    toFilterParseIssue = (out, ast, input) => {
      if (isSingle(out)) {
        return fromFilterPredicateReturnTypeItem(out, ast, input);
      }
      if (isNonEmptyReadonlyArray(out)) {
        const issues = filterMap(out, (issue) => fromFilterPredicateReturnTypeItem(issue, ast, input));
        if (isNonEmptyReadonlyArray(issues)) {
          return some2(issues.length === 1 ? issues[0] : new Composite2(ast, input, issues));
        }
      }
      return none2();
    };
    transformOrFail = /* @__PURE__ */ dual((args2) => isSchema(args2[0]) && isSchema(args2[1]), (from, to, options3) => makeTransformationClass(from, to, new Transformation(from.ast, to.ast, new FinalTransformation(options3.decode, options3.encode))));
    transform2 = /* @__PURE__ */ dual((args2) => isSchema(args2[0]) && isSchema(args2[1]), (from, to, options3) => transformOrFail(from, to, {
      strict: true,
      decode: (fromA, _options, _ast, toA) => succeed11(options3.decode(fromA, toA)),
      encode: (toI, _options, _ast, toA) => succeed11(options3.encode(toI, toA))
    }));
    PatternSchemaId = /* @__PURE__ */ Symbol.for("effect/SchemaId/Pattern");
    pattern = (regex, annotations2) => (self) => {
      const source = regex.source;
      return self.pipe(filter10((a) => {
        regex.lastIndex = 0;
        return regex.test(a);
      }, {
        schemaId: PatternSchemaId,
        [PatternSchemaId]: {
          regex
        },
        // title: `pattern(/${source}/)`, // avoiding this because it can be very long
        description: `a string matching the pattern ${source}`,
        jsonSchema: {
          pattern: source
        },
        ...annotations2
      }));
    };
    UUIDSchemaId = /* @__PURE__ */ Symbol.for("effect/SchemaId/UUID");
    uuidRegexp = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/i;
    UUID = class extends (/* @__PURE__ */ String$.pipe(/* @__PURE__ */ pattern(uuidRegexp, {
      schemaId: UUIDSchemaId,
      identifier: "UUID",
      jsonSchema: {
        format: "uuid",
        pattern: uuidRegexp.source
      },
      description: "a Universally Unique Identifier",
      arbitrary: () => (fc) => fc.uuid()
    }))) {
    };
    DateFromSelfSchemaId2 = DateFromSelfSchemaId;
    DateFromSelf = class extends (/* @__PURE__ */ declare(isDate, {
      typeConstructor: {
        _tag: "Date"
      },
      identifier: "DateFromSelf",
      schemaId: DateFromSelfSchemaId2,
      [DateFromSelfSchemaId2]: {
        noInvalidDate: false
      },
      description: "a potentially invalid Date instance",
      pretty: () => (date) => `new Date(${JSON.stringify(date)})`,
      arbitrary: () => (fc) => fc.date({
        noInvalidDate: false
      }),
      equivalence: () => Date2
    })) {
    };
    isField = (u) => isSchema(u) || isPropertySignature(u);
    isFields = (fields) => Reflect.ownKeys(fields).every((key) => isField(fields[key]));
    getFields = (hasFields) => "fields" in hasFields ? hasFields.fields : getFields(hasFields[RefineSchemaId]);
    getSchemaFromFieldsOr = (fieldsOr) => isFields(fieldsOr) ? Struct(fieldsOr) : isSchema(fieldsOr) ? fieldsOr : Struct(getFields(fieldsOr));
    getFieldsFromFieldsOr = (fieldsOr) => isFields(fieldsOr) ? fieldsOr : getFields(fieldsOr);
    getClassTag = (tag2) => withConstructorDefault(propertySignature(Literal2(tag2)), () => tag2);
    TaggedError2 = (identifier2) => (tag2, fieldsOr, annotations2) => {
      class Base3 extends Error3 {
      }
      ;
      Base3.prototype.name = tag2;
      const fields = getFieldsFromFieldsOr(fieldsOr);
      const schema = getSchemaFromFieldsOr(fieldsOr);
      const newFields = {
        _tag: getClassTag(tag2)
      };
      const taggedFields = extendFields(newFields, fields);
      const hasMessageField = "message" in taggedFields;
      class TaggedErrorClass extends makeClass({
        kind: "TaggedError",
        identifier: identifier2 ?? tag2,
        schema: extend3(schema, Struct(newFields)),
        fields: taggedFields,
        Base: Base3,
        annotations: annotations2,
        disableToString: true
      }) {
        static _tag = tag2;
      }
      if (!hasMessageField) {
        Object.defineProperty(TaggedErrorClass.prototype, "message", {
          get() {
            return `{ ${Reflect.ownKeys(fields).map((p) => `${formatPropertyKey(p)}: ${formatUnknown(this[p])}`).join(", ")} }`;
          },
          enumerable: false,
          // mirrors the built-in Error.prototype.message, whose descriptor is also non-enumerable
          configurable: true
        });
      }
      return TaggedErrorClass;
    };
    extendFields = (a, b) => {
      const out = {
        ...a
      };
      for (const key of Reflect.ownKeys(b)) {
        if (key in a) {
          throw new Error(getASTDuplicatePropertySignatureErrorMessage(key));
        }
        out[key] = b[key];
      }
      return out;
    };
    astCache = /* @__PURE__ */ globalValue("effect/Schema/astCache", () => /* @__PURE__ */ new WeakMap());
    getClassAnnotations = (annotations2) => {
      if (annotations2 === void 0) {
        return [];
      } else if (Array.isArray(annotations2)) {
        return annotations2;
      } else {
        return [annotations2];
      }
    };
    makeClass = ({
      Base: Base3,
      annotations: annotations2,
      disableToString,
      fields,
      identifier: identifier2,
      kind,
      schema
    }) => {
      const classSymbol = Symbol.for(`effect/Schema/${kind}/${identifier2}`);
      const [typeAnnotations, transformationAnnotations, encodedAnnotations] = getClassAnnotations(annotations2);
      const typeSchema_ = typeSchema(schema);
      const declarationSurrogate = typeSchema_.annotations({
        identifier: identifier2,
        ...typeAnnotations
      });
      const typeSide = typeSchema_.annotations({
        [AutoTitleAnnotationId]: `${identifier2} (Type side)`,
        ...typeAnnotations
      });
      const constructorSchema = schema.annotations({
        [AutoTitleAnnotationId]: `${identifier2} (Constructor)`,
        ...typeAnnotations
      });
      const encodedSide = schema.annotations({
        [AutoTitleAnnotationId]: `${identifier2} (Encoded side)`,
        ...encodedAnnotations
      });
      const transformationSurrogate = schema.annotations({
        ...encodedAnnotations,
        ...typeAnnotations,
        ...transformationAnnotations
      });
      const fallbackInstanceOf = (u) => hasProperty(u, classSymbol) && is(typeSide)(u);
      const klass = class extends Base3 {
        constructor(props = {}, options3 = false) {
          props = {
            ...props
          };
          if (kind !== "Class") {
            delete props["_tag"];
          }
          props = lazilyMergeDefaults(fields, props);
          if (!getDisableValidationMakeOption(options3)) {
            props = validateSync(constructorSchema)(props);
          }
          super(props, true);
        }
        // ----------------
        // Schema interface
        // ----------------
        static [TypeId16] = variance5;
        static get ast() {
          let out = astCache.get(this);
          if (out) {
            return out;
          }
          const declaration = declare([schema], {
            decode: () => (input, _, ast) => input instanceof this || fallbackInstanceOf(input) ? succeed11(input) : fail12(new Type2(ast, input)),
            encode: () => (input, options3) => input instanceof this ? succeed11(input) : map21(encodeUnknown(typeSide)(input, options3), (props) => new this(props, true))
          }, {
            identifier: identifier2,
            pretty: (pretty4) => (self) => `${identifier2}(${pretty4(self)})`,
            // @ts-expect-error
            arbitrary: (arb) => (fc) => arb(fc).map((props) => new this(props)),
            equivalence: identity,
            [SurrogateAnnotationId]: declarationSurrogate.ast,
            ...typeAnnotations
          });
          out = transform2(encodedSide, declaration, {
            strict: true,
            decode: (i) => new this(i, true),
            encode: identity
          }).annotations({
            [SurrogateAnnotationId]: transformationSurrogate.ast,
            ...transformationAnnotations
          }).ast;
          astCache.set(this, out);
          return out;
        }
        static pipe() {
          return pipeArguments(this, arguments);
        }
        static annotations(annotations3) {
          return make45(this.ast).annotations(annotations3);
        }
        static toString() {
          return `(${String(encodedSide)} <-> ${identifier2})`;
        }
        // ----------------
        // Class interface
        // ----------------
        static make(...args2) {
          return new this(...args2);
        }
        static fields = {
          ...fields
        };
        static identifier = identifier2;
        static extend(identifier3) {
          return (newFieldsOr, annotations3) => {
            const newFields = getFieldsFromFieldsOr(newFieldsOr);
            const newSchema = getSchemaFromFieldsOr(newFieldsOr);
            const extendedFields = extendFields(fields, newFields);
            return makeClass({
              kind,
              identifier: identifier3,
              schema: extend3(schema, newSchema),
              fields: extendedFields,
              Base: this,
              annotations: annotations3
            });
          };
        }
        static transformOrFail(identifier3) {
          return (newFieldsOr, options3, annotations3) => {
            const transformedFields = extendFields(fields, newFieldsOr);
            return makeClass({
              kind,
              identifier: identifier3,
              schema: transformOrFail(schema, typeSchema(Struct(transformedFields)), options3),
              fields: transformedFields,
              Base: this,
              annotations: annotations3
            });
          };
        }
        static transformOrFailFrom(identifier3) {
          return (newFields, options3, annotations3) => {
            const transformedFields = extendFields(fields, newFields);
            return makeClass({
              kind,
              identifier: identifier3,
              schema: transformOrFail(encodedSchema(schema), Struct(transformedFields), options3),
              fields: transformedFields,
              Base: this,
              annotations: annotations3
            });
          };
        }
        // ----------------
        // other
        // ----------------
        get [classSymbol]() {
          return classSymbol;
        }
      };
      if (disableToString !== true) {
        Object.defineProperty(klass.prototype, "toString", {
          value() {
            return `${identifier2}({ ${Reflect.ownKeys(fields).map((p) => `${formatPropertyKey(p)}: ${formatUnknown(this[p])}`).join(", ")} })`;
          },
          configurable: true,
          writable: true
        });
      }
      return klass;
    };
    Defect = class extends (/* @__PURE__ */ transform2(Unknown, Unknown, {
      strict: true,
      decode: (i) => {
        if (isObject(i) && "message" in i && typeof i.message === "string") {
          const err = new Error(i.message, {
            cause: i
          });
          if ("name" in i && typeof i.name === "string") {
            err.name = i.name;
          }
          err.stack = "stack" in i && typeof i.stack === "string" ? i.stack : "";
          return err;
        }
        return prettyErrorMessage(i);
      },
      encode: (a) => {
        if (a instanceof Error) {
          return {
            name: a.name,
            message: a.message
            // no stack because of security reasons
          };
        }
        return prettyErrorMessage(a);
      }
    }).annotations({
      identifier: "Defect"
    })) {
    };
  }
});

// node_modules/@effect/platform/dist/esm/Error.js
var TypeId17, TypeIdError, Module, BadArgument, SystemErrorReason, SystemError;
var init_Error = __esm({
  "node_modules/@effect/platform/dist/esm/Error.js"() {
    init_Data();
    init_Schema();
    TypeId17 = /* @__PURE__ */ Symbol.for("@effect/platform/Error");
    TypeIdError = (typeId, tag2) => {
      class Base3 extends Error3 {
        _tag = tag2;
      }
      ;
      Base3.prototype[typeId] = typeId;
      Base3.prototype.name = tag2;
      return Base3;
    };
    Module = /* @__PURE__ */ Literal2("Clipboard", "Command", "FileSystem", "KeyValueStore", "Path", "Stream", "Terminal");
    BadArgument = class extends (/* @__PURE__ */ TaggedError2("@effect/platform/Error/BadArgument")("BadArgument", {
      module: Module,
      method: String$,
      description: /* @__PURE__ */ optional(String$),
      cause: /* @__PURE__ */ optional(Defect)
    })) {
      /**
       * @since 1.0.0
       */
      [TypeId17] = TypeId17;
      /**
       * @since 1.0.0
       */
      get message() {
        return `${this.module}.${this.method}${this.description ? `: ${this.description}` : ""}`;
      }
    };
    SystemErrorReason = /* @__PURE__ */ Literal2("AlreadyExists", "BadResource", "Busy", "InvalidData", "NotFound", "PermissionDenied", "TimedOut", "UnexpectedEof", "Unknown", "WouldBlock", "WriteZero");
    SystemError = class extends (/* @__PURE__ */ TaggedError2("@effect/platform/Error/SystemError")("SystemError", {
      reason: SystemErrorReason,
      module: Module,
      method: String$,
      description: /* @__PURE__ */ optional(String$),
      syscall: /* @__PURE__ */ optional(String$),
      pathOrDescriptor: /* @__PURE__ */ optional(/* @__PURE__ */ Union2(String$, Number$)),
      cause: /* @__PURE__ */ optional(Defect)
    })) {
      /**
       * @since 1.0.0
       */
      [TypeId17] = TypeId17;
      /**
       * @since 1.0.0
       */
      get message() {
        return `${this.reason}: ${this.module}.${this.method}${this.pathOrDescriptor !== void 0 ? ` (${this.pathOrDescriptor})` : ""}${this.description ? `: ${this.description}` : ""}`;
      }
    };
  }
});

// node_modules/@effect/platform/dist/esm/Cookies.js
function parseSetCookie(header) {
  const parts2 = header.split(";").map((_) => _.trim()).filter((_) => _ !== "");
  if (parts2.length === 0) {
    return none2();
  }
  const firstEqual = parts2[0].indexOf("=");
  if (firstEqual === -1) {
    return none2();
  }
  const name = parts2[0].slice(0, firstEqual);
  if (!cookieNameRegExp.test(name)) {
    return none2();
  }
  const valueEncoded = parts2[0].slice(firstEqual + 1);
  const value2 = tryDecodeURIComponent(valueEncoded);
  if (parts2.length === 1) {
    return some2(Object.assign(Object.create(CookieProto), {
      name,
      value: value2,
      valueEncoded
    }));
  }
  const options3 = {};
  for (let i = 1; i < parts2.length; i++) {
    const part = parts2[i];
    const equalIndex = part.indexOf("=");
    const key = equalIndex === -1 ? part : part.slice(0, equalIndex).trim();
    const value3 = equalIndex === -1 ? void 0 : part.slice(equalIndex + 1).trim();
    switch (key.toLowerCase()) {
      case "domain": {
        if (value3 === void 0) {
          break;
        }
        const domain = value3.trim().replace(/^\./, "");
        if (domain) {
          options3.domain = domain;
        }
        break;
      }
      case "expires": {
        if (value3 === void 0) {
          break;
        }
        const date = new Date(value3);
        if (!isNaN(date.getTime())) {
          options3.expires = date;
        }
        break;
      }
      case "max-age": {
        if (value3 === void 0) {
          break;
        }
        const maxAge = parseInt(value3, 10);
        if (!isNaN(maxAge)) {
          options3.maxAge = seconds(maxAge);
        }
        break;
      }
      case "path": {
        if (value3 === void 0) {
          break;
        }
        if (value3[0] === "/") {
          options3.path = value3;
        }
        break;
      }
      case "priority": {
        if (value3 === void 0) {
          break;
        }
        switch (value3.toLowerCase()) {
          case "low":
            options3.priority = "low";
            break;
          case "medium":
            options3.priority = "medium";
            break;
          case "high":
            options3.priority = "high";
            break;
        }
        break;
      }
      case "httponly": {
        options3.httpOnly = true;
        break;
      }
      case "secure": {
        options3.secure = true;
        break;
      }
      case "partitioned": {
        options3.partitioned = true;
        break;
      }
      case "samesite": {
        if (value3 === void 0) {
          break;
        }
        switch (value3.toLowerCase()) {
          case "lax":
            options3.sameSite = "lax";
            break;
          case "strict":
            options3.sameSite = "strict";
            break;
          case "none":
            options3.sameSite = "none";
            break;
        }
        break;
      }
    }
  }
  return some2(Object.assign(Object.create(CookieProto), {
    name,
    value: value2,
    valueEncoded,
    options: Object.keys(options3).length > 0 ? options3 : void 0
  }));
}
var TypeId18, CookieTypeId, Proto2, fromReadonlyRecord, fromIterable12, fromSetCookie, cookieNameRegExp, CookieProto, tryDecodeURIComponent;
var init_Cookies = __esm({
  "node_modules/@effect/platform/dist/esm/Cookies.js"() {
    init_Duration();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Record();
    TypeId18 = /* @__PURE__ */ Symbol.for("@effect/platform/Cookies");
    CookieTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Cookies/Cookie");
    Proto2 = {
      [TypeId18]: TypeId18,
      ...BaseProto,
      toJSON() {
        return {
          _id: "@effect/platform/Cookies",
          cookies: map3(this.cookies, (cookie) => cookie.toJSON())
        };
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    fromReadonlyRecord = (cookies) => {
      const self = Object.create(Proto2);
      self.cookies = cookies;
      return self;
    };
    fromIterable12 = (cookies) => {
      const record2 = {};
      for (const cookie of cookies) {
        record2[cookie.name] = cookie;
      }
      return fromReadonlyRecord(record2);
    };
    fromSetCookie = (headers) => {
      const arrayHeaders = typeof headers === "string" ? [headers] : headers;
      const cookies = [];
      for (const header of arrayHeaders) {
        const cookie = parseSetCookie(header.trim());
        if (isSome2(cookie)) {
          cookies.push(cookie.value);
        }
      }
      return fromIterable12(cookies);
    };
    cookieNameRegExp = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
    CookieProto = {
      [CookieTypeId]: CookieTypeId,
      ...BaseProto,
      toJSON() {
        return {
          _id: "@effect/platform/Cookies/Cookie",
          name: this.name,
          value: this.value,
          options: this.options
        };
      }
    };
    tryDecodeURIComponent = (str) => {
      try {
        return decodeURIComponent(str);
      } catch {
        return str;
      }
    };
  }
});

// node_modules/@effect/platform/dist/esm/Headers.js
var HeadersTypeId, Proto3, make46, empty30, fromInput2, unsafeFromRecord, set8, setAll3, remove8, redact2, currentRedactedNames;
var init_Headers = __esm({
  "node_modules/@effect/platform/dist/esm/Headers.js"() {
    init_FiberRef();
    init_FiberRefs();
    init_Function();
    init_GlobalValue();
    init_Inspectable();
    init_Redacted();
    HeadersTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Headers");
    Proto3 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(null), {
      [HeadersTypeId]: HeadersTypeId,
      [symbolRedactable](fiberRefs3) {
        return redact2(this, getOrDefault2(fiberRefs3, currentRedactedNames));
      }
    });
    make46 = (input) => Object.assign(Object.create(Proto3), input);
    empty30 = /* @__PURE__ */ Object.create(Proto3);
    fromInput2 = (input) => {
      if (input === void 0) {
        return empty30;
      } else if (Symbol.iterator in input) {
        const out2 = Object.create(Proto3);
        for (const [k, v] of input) {
          out2[k.toLowerCase()] = v;
        }
        return out2;
      }
      const out = Object.create(Proto3);
      for (const [k, v] of Object.entries(input)) {
        if (Array.isArray(v)) {
          out[k.toLowerCase()] = v.join(", ");
        } else if (v !== void 0) {
          out[k.toLowerCase()] = v;
        }
      }
      return out;
    };
    unsafeFromRecord = (input) => Object.setPrototypeOf(input, Proto3);
    set8 = /* @__PURE__ */ dual(3, (self, key, value2) => {
      const out = make46(self);
      out[key.toLowerCase()] = value2;
      return out;
    });
    setAll3 = /* @__PURE__ */ dual(2, (self, headers) => make46({
      ...self,
      ...fromInput2(headers)
    }));
    remove8 = /* @__PURE__ */ dual(2, (self, key) => {
      const out = make46(self);
      const modify6 = (key2) => {
        if (typeof key2 === "string") {
          const k = key2.toLowerCase();
          if (k in self) {
            delete out[k];
          }
        } else {
          for (const name in self) {
            if (key2.test(name)) {
              delete out[name];
            }
          }
        }
      };
      if (Array.isArray(key)) {
        for (let i = 0; i < key.length; i++) {
          modify6(key[i]);
        }
      } else {
        modify6(key);
      }
      return out;
    });
    redact2 = /* @__PURE__ */ dual(2, (self, key) => {
      const out = {
        ...self
      };
      const modify6 = (key2) => {
        if (typeof key2 === "string") {
          const k = key2.toLowerCase();
          if (k in self) {
            out[k] = make44(self[k]);
          }
        } else {
          for (const name in self) {
            if (key2.test(name)) {
              out[name] = make44(self[name]);
            }
          }
        }
      };
      if (Array.isArray(key)) {
        for (let i = 0; i < key.length; i++) {
          modify6(key[i]);
        }
      } else {
        modify6(key);
      }
      return out;
    });
    currentRedactedNames = /* @__PURE__ */ globalValue("@effect/platform/Headers/currentRedactedNames", () => unsafeMake8(["authorization", "cookie", "set-cookie", "x-api-key"]));
  }
});

// node_modules/@effect/platform/dist/esm/internal/httpClientError.js
var TypeId19;
var init_httpClientError = __esm({
  "node_modules/@effect/platform/dist/esm/internal/httpClientError.js"() {
    TypeId19 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpClientError");
  }
});

// node_modules/@effect/platform/dist/esm/HttpClientError.js
var TypeId20, RequestError, ResponseError;
var init_HttpClientError = __esm({
  "node_modules/@effect/platform/dist/esm/HttpClientError.js"() {
    init_Error();
    init_httpClientError();
    TypeId20 = TypeId19;
    RequestError = class extends (/* @__PURE__ */ TypeIdError(TypeId20, "RequestError")) {
      get methodAndUrl() {
        return `${this.request.method} ${this.request.url}`;
      }
      get message() {
        return this.description ? `${this.reason}: ${this.description} (${this.methodAndUrl})` : `${this.reason} error (${this.methodAndUrl})`;
      }
    };
    ResponseError = class extends (/* @__PURE__ */ TypeIdError(TypeId20, "ResponseError")) {
      get methodAndUrl() {
        return `${this.request.method} ${this.request.url}`;
      }
      get message() {
        const info = `${this.response.status} ${this.methodAndUrl}`;
        return this.description ? `${this.reason}: ${this.description} (${info})` : `${this.reason} error (${info})`;
      }
    };
  }
});

// node_modules/@effect/platform/dist/esm/UrlParams.js
var fromInput3, fromInputNested, empty31, setAll4, makeUrl, baseUrl;
var init_UrlParams = __esm({
  "node_modules/@effect/platform/dist/esm/UrlParams.js"() {
    init_Array();
    init_Either();
    init_Function();
    fromInput3 = (input) => {
      const parsed = fromInputNested(input);
      const out = [];
      for (let i = 0; i < parsed.length; i++) {
        if (Array.isArray(parsed[i][0])) {
          const [keys6, value2] = parsed[i];
          out.push([`${keys6[0]}[${keys6.slice(1).join("][")}]`, value2]);
        } else {
          out.push(parsed[i]);
        }
      }
      return out;
    };
    fromInputNested = (input) => {
      const entries2 = Symbol.iterator in input ? fromIterable(input) : Object.entries(input);
      const out = [];
      for (const [key, value2] of entries2) {
        if (Array.isArray(value2)) {
          for (let i = 0; i < value2.length; i++) {
            if (value2[i] !== void 0) {
              out.push([key, String(value2[i])]);
            }
          }
        } else if (typeof value2 === "object") {
          const nested2 = fromInputNested(value2);
          for (const [k, v] of nested2) {
            out.push([[key, ...typeof k === "string" ? [k] : k], v]);
          }
        } else if (value2 !== void 0) {
          out.push([key, String(value2)]);
        }
      }
      return out;
    };
    empty31 = [];
    setAll4 = /* @__PURE__ */ dual(2, (self, input) => {
      const out = fromInput3(input);
      const keys6 = /* @__PURE__ */ new Set();
      for (let i = 0; i < out.length; i++) {
        keys6.add(out[i][0]);
      }
      for (let i = 0; i < self.length; i++) {
        if (keys6.has(self[i][0])) continue;
        out.push(self[i]);
      }
      return out;
    });
    makeUrl = (url2, params, hash2) => {
      try {
        const urlInstance = new URL(url2, baseUrl());
        for (let i = 0; i < params.length; i++) {
          const [key, value2] = params[i];
          if (value2 !== void 0) {
            urlInstance.searchParams.append(key, value2);
          }
        }
        if (hash2._tag === "Some") {
          urlInstance.hash = hash2.value;
        }
        return right2(urlInstance);
      } catch (e) {
        return left2(e);
      }
    };
    baseUrl = () => {
      if ("location" in globalThis && globalThis.location !== void 0 && globalThis.location.origin !== void 0 && globalThis.location.pathname !== void 0) {
        return location.origin + location.pathname;
      }
      return void 0;
    };
  }
});

// node_modules/@effect/platform/dist/esm/HttpIncomingMessage.js
var TypeId21, inspect;
var init_HttpIncomingMessage = __esm({
  "node_modules/@effect/platform/dist/esm/HttpIncomingMessage.js"() {
    init_Effect();
    init_Inspectable();
    TypeId21 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpIncomingMessage");
    inspect = (self, that) => {
      const contentType = self.headers["content-type"] ?? "";
      let body4;
      if (contentType.includes("application/json")) {
        try {
          body4 = runSync(self.json);
        } catch {
        }
      } else if (contentType.includes("text/") || contentType.includes("urlencoded")) {
        try {
          body4 = runSync(self.text);
        } catch {
        }
      }
      const obj = {
        ...that,
        headers: redact(self.headers),
        remoteAddress: self.remoteAddress.toJSON()
      };
      if (body4 !== void 0) {
        obj.body = body4;
      }
      return obj;
    };
  }
});

// node_modules/@effect/platform/dist/esm/HttpTraceContext.js
var toHeaders;
var init_HttpTraceContext = __esm({
  "node_modules/@effect/platform/dist/esm/HttpTraceContext.js"() {
    init_Headers();
    toHeaders = (span2) => unsafeFromRecord({
      b3: `${span2.traceId}-${span2.spanId}-${span2.sampled ? "1" : "0"}${span2.parent._tag === "Some" ? `-${span2.parent.value.spanId}` : ""}`,
      traceparent: `00-${span2.traceId}-${span2.spanId}-${span2.sampled ? "01" : "00"}`
    });
  }
});

// node_modules/@effect/platform/dist/esm/internal/httpBody.js
var TypeId22, BodyBase, EmptyImpl, empty32, Uint8ArrayImpl, uint8Array, encoder, text, unsafeJson;
var init_httpBody = __esm({
  "node_modules/@effect/platform/dist/esm/internal/httpBody.js"() {
    init_Inspectable();
    TypeId22 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpBody");
    BodyBase = class {
      [TypeId22];
      constructor() {
        this[TypeId22] = TypeId22;
      }
      [NodeInspectSymbol]() {
        return this.toJSON();
      }
      toString() {
        return format(this);
      }
    };
    EmptyImpl = class extends BodyBase {
      _tag = "Empty";
      toJSON() {
        return {
          _id: "@effect/platform/HttpBody",
          _tag: "Empty"
        };
      }
    };
    empty32 = /* @__PURE__ */ new EmptyImpl();
    Uint8ArrayImpl = class extends BodyBase {
      body;
      contentType;
      _tag = "Uint8Array";
      constructor(body4, contentType) {
        super();
        this.body = body4;
        this.contentType = contentType;
      }
      get contentLength() {
        return this.body.length;
      }
      toJSON() {
        const toString2 = this.contentType.startsWith("text/") || this.contentType.endsWith("json");
        return {
          _id: "@effect/platform/HttpBody",
          _tag: "Uint8Array",
          body: toString2 ? new TextDecoder().decode(this.body) : `Uint8Array(${this.body.length})`,
          contentType: this.contentType,
          contentLength: this.contentLength
        };
      }
    };
    uint8Array = (body4, contentType) => new Uint8ArrayImpl(body4, contentType ?? "application/octet-stream");
    encoder = /* @__PURE__ */ new TextEncoder();
    text = (body4, contentType) => uint8Array(encoder.encode(body4), contentType ?? "text/plain");
    unsafeJson = (body4, contentType) => text(JSON.stringify(body4), contentType ?? "application/json");
  }
});

// node_modules/@effect/platform/dist/esm/internal/httpClientRequest.js
function makeInternal(method, url2, urlParams, hash2, headers, body4) {
  const self = Object.create(Proto4);
  self.method = method;
  self.url = url2;
  self.urlParams = urlParams;
  self.hash = hash2;
  self.headers = headers;
  self.body = body4;
  return self;
}
var TypeId23, Proto4, empty33, make47, get14, post, put, patch9, del, head5, options, modify5, setHeader, setHeaders, accept, acceptJson, setMethod, setUrl, setUrlParams, setHash, setBody, bodyUnsafeJson;
var init_httpClientRequest = __esm({
  "node_modules/@effect/platform/dist/esm/internal/httpClientRequest.js"() {
    init_Function();
    init_Inspectable();
    init_Option();
    init_Pipeable();
    init_Headers();
    init_UrlParams();
    init_httpBody();
    TypeId23 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpClientRequest");
    Proto4 = {
      [TypeId23]: TypeId23,
      ...BaseProto,
      toJSON() {
        return {
          _id: "@effect/platform/HttpClientRequest",
          method: this.method,
          url: this.url,
          urlParams: this.urlParams,
          hash: this.hash,
          headers: redact(this.headers),
          body: this.body.toJSON()
        };
      },
      pipe() {
        return pipeArguments(this, arguments);
      }
    };
    empty33 = /* @__PURE__ */ makeInternal("GET", "", empty31, /* @__PURE__ */ none2(), empty30, empty32);
    make47 = (method) => (url2, options3) => modify5(empty33, {
      method,
      url: url2,
      ...options3 ?? void 0
    });
    get14 = /* @__PURE__ */ make47("GET");
    post = /* @__PURE__ */ make47("POST");
    put = /* @__PURE__ */ make47("PUT");
    patch9 = /* @__PURE__ */ make47("PATCH");
    del = /* @__PURE__ */ make47("DELETE");
    head5 = /* @__PURE__ */ make47("HEAD");
    options = /* @__PURE__ */ make47("OPTIONS");
    modify5 = /* @__PURE__ */ dual(2, (self, options3) => {
      let result = self;
      if (options3.method) {
        result = setMethod(result, options3.method);
      }
      if (options3.url) {
        result = setUrl(result, options3.url);
      }
      if (options3.headers) {
        result = setHeaders(result, options3.headers);
      }
      if (options3.urlParams) {
        result = setUrlParams(result, options3.urlParams);
      }
      if (options3.hash) {
        result = setHash(result, options3.hash);
      }
      if (options3.body) {
        result = setBody(result, options3.body);
      }
      if (options3.accept) {
        result = accept(result, options3.accept);
      }
      if (options3.acceptJson) {
        result = acceptJson(result);
      }
      return result;
    });
    setHeader = /* @__PURE__ */ dual(3, (self, key, value2) => makeInternal(self.method, self.url, self.urlParams, self.hash, set8(self.headers, key, value2), self.body));
    setHeaders = /* @__PURE__ */ dual(2, (self, input) => makeInternal(self.method, self.url, self.urlParams, self.hash, setAll3(self.headers, input), self.body));
    accept = /* @__PURE__ */ dual(2, (self, mediaType) => setHeader(self, "Accept", mediaType));
    acceptJson = /* @__PURE__ */ accept("application/json");
    setMethod = /* @__PURE__ */ dual(2, (self, method) => makeInternal(method, self.url, self.urlParams, self.hash, self.headers, self.body));
    setUrl = /* @__PURE__ */ dual(2, (self, url2) => {
      if (typeof url2 === "string") {
        return makeInternal(self.method, url2, self.urlParams, self.hash, self.headers, self.body);
      }
      const clone2 = new URL(url2.toString());
      const urlParams = fromInput3(clone2.searchParams);
      const hash2 = clone2.hash ? some2(clone2.hash.slice(1)) : none2();
      clone2.search = "";
      clone2.hash = "";
      return makeInternal(self.method, clone2.toString(), urlParams, hash2, self.headers, self.body);
    });
    setUrlParams = /* @__PURE__ */ dual(2, (self, input) => makeInternal(self.method, self.url, setAll4(self.urlParams, input), self.hash, self.headers, self.body));
    setHash = /* @__PURE__ */ dual(2, (self, hash2) => makeInternal(self.method, self.url, self.urlParams, some2(hash2), self.headers, self.body));
    setBody = /* @__PURE__ */ dual(2, (self, body4) => {
      let headers = self.headers;
      if (body4._tag === "Empty" || body4._tag === "FormData") {
        headers = remove8(headers, ["Content-type", "Content-length"]);
      } else {
        const contentType = body4.contentType;
        if (contentType) {
          headers = set8(headers, "content-type", contentType);
        }
        const contentLength = body4.contentLength;
        if (contentLength) {
          headers = set8(headers, "content-length", contentLength.toString());
        }
      }
      return makeInternal(self.method, self.url, self.urlParams, self.hash, headers, body4);
    });
    bodyUnsafeJson = /* @__PURE__ */ dual(2, (self, body4) => setBody(self, unsafeJson(body4)));
  }
});

// node_modules/@effect/platform/dist/esm/internal/httpClientResponse.js
var TypeId24, fromWeb, ClientResponseImpl;
var init_httpClientResponse = __esm({
  "node_modules/@effect/platform/dist/esm/internal/httpClientResponse.js"() {
    init_Effect();
    init_Inspectable();
    init_Option();
    init_Stream();
    init_Cookies();
    init_Headers();
    init_HttpClientError();
    init_HttpIncomingMessage();
    init_UrlParams();
    TypeId24 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpClientResponse");
    fromWeb = (request, source) => new ClientResponseImpl(request, source);
    ClientResponseImpl = class extends Class {
      request;
      source;
      [TypeId21];
      [TypeId24];
      constructor(request, source) {
        super();
        this.request = request;
        this.source = source;
        this[TypeId21] = TypeId21;
        this[TypeId24] = TypeId24;
      }
      toJSON() {
        return inspect(this, {
          _id: "@effect/platform/HttpClientResponse",
          request: this.request.toJSON(),
          status: this.status
        });
      }
      get status() {
        return this.source.status;
      }
      get headers() {
        return fromInput2(this.source.headers);
      }
      cachedCookies;
      get cookies() {
        if (this.cachedCookies) {
          return this.cachedCookies;
        }
        return this.cachedCookies = fromSetCookie(this.source.headers.getSetCookie());
      }
      get remoteAddress() {
        return none2();
      }
      get stream() {
        return this.source.body ? fromReadableStream2(() => this.source.body, (cause2) => new ResponseError({
          request: this.request,
          response: this,
          reason: "Decode",
          cause: cause2
        })) : fail11(new ResponseError({
          request: this.request,
          response: this,
          reason: "EmptyBody",
          description: "can not create stream from empty body"
        }));
      }
      get json() {
        return tryMap2(this.text, {
          try: (text2) => text2 === "" ? null : JSON.parse(text2),
          catch: (cause2) => new ResponseError({
            request: this.request,
            response: this,
            reason: "Decode",
            cause: cause2
          })
        });
      }
      textBody;
      get text() {
        return this.textBody ??= tryPromise2({
          try: () => this.source.text(),
          catch: (cause2) => new ResponseError({
            request: this.request,
            response: this,
            reason: "Decode",
            cause: cause2
          })
        }).pipe(cached3, runSync);
      }
      get urlParamsBody() {
        return flatMap9(this.text, (_) => try_2({
          try: () => fromInput3(new URLSearchParams(_)),
          catch: (cause2) => new ResponseError({
            request: this.request,
            response: this,
            reason: "Decode",
            cause: cause2
          })
        }));
      }
      formDataBody;
      get formData() {
        return this.formDataBody ??= tryPromise2({
          try: () => this.source.formData(),
          catch: (cause2) => new ResponseError({
            request: this.request,
            response: this,
            reason: "Decode",
            cause: cause2
          })
        }).pipe(cached3, runSync);
      }
      arrayBufferBody;
      get arrayBuffer() {
        return this.arrayBufferBody ??= tryPromise2({
          try: () => this.source.arrayBuffer(),
          catch: (cause2) => new ResponseError({
            request: this.request,
            response: this,
            reason: "Decode",
            cause: cause2
          })
        }).pipe(cached3, runSync);
      }
    };
  }
});

// node_modules/@effect/platform/dist/esm/internal/httpClient.js
var ATTR_HTTP_REQUEST_HEADER, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_HEADER, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT, ATTR_URL_FULL, ATTR_URL_PATH, ATTR_URL_SCHEME, ATTR_URL_QUERY, TypeId25, tag, currentTracerDisabledWhen, withTracerDisabledWhen, currentTracerPropagation, withTracerPropagation, SpanNameGenerator, ClientProto, makeWith, responseRegistry, scopedRequests, make48, InterruptibleResponse, withScope, del2, execute2, get15, head6, options2, patch10, post2, put2, transform3, transformResponse;
var init_httpClient = __esm({
  "node_modules/@effect/platform/dist/esm/internal/httpClient.js"() {
    init_Cause();
    init_Context();
    init_Effect();
    init_FiberRef();
    init_Function();
    init_GlobalValue();
    init_Inspectable();
    init_Pipeable();
    init_Scope();
    init_Stream();
    init_Headers();
    init_HttpClientError();
    init_HttpIncomingMessage();
    init_HttpTraceContext();
    init_UrlParams();
    init_httpClientRequest();
    init_httpClientResponse();
    ATTR_HTTP_REQUEST_HEADER = (key) => `http.request.header.${key}`;
    ATTR_HTTP_REQUEST_METHOD = "http.request.method";
    ATTR_HTTP_RESPONSE_HEADER = (key) => `http.response.header.${key}`;
    ATTR_HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    ATTR_SERVER_ADDRESS = "server.address";
    ATTR_SERVER_PORT = "server.port";
    ATTR_URL_FULL = "url.full";
    ATTR_URL_PATH = "url.path";
    ATTR_URL_SCHEME = "url.scheme";
    ATTR_URL_QUERY = "url.query";
    TypeId25 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpClient");
    tag = /* @__PURE__ */ GenericTag("@effect/platform/HttpClient");
    currentTracerDisabledWhen = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("@effect/platform/HttpClient/tracerDisabledWhen"), () => unsafeMake8(constFalse));
    withTracerDisabledWhen = /* @__PURE__ */ dual(2, (self, pred) => transformResponse(self, locally(currentTracerDisabledWhen, pred)));
    currentTracerPropagation = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("@effect/platform/HttpClient/currentTracerPropagation"), () => unsafeMake8(true));
    withTracerPropagation = /* @__PURE__ */ dual(2, (self, enabled2) => transformResponse(self, locally(currentTracerPropagation, enabled2)));
    SpanNameGenerator = /* @__PURE__ */ Reference2()("@effect/platform/HttpClient/SpanNameGenerator", {
      defaultValue: () => (request) => `http.client ${request.method}`
    });
    ClientProto = {
      [TypeId25]: TypeId25,
      pipe() {
        return pipeArguments(this, arguments);
      },
      ...BaseProto,
      toJSON() {
        return {
          _id: "@effect/platform/HttpClient"
        };
      },
      get(url2, options3) {
        return this.execute(get14(url2, options3));
      },
      head(url2, options3) {
        return this.execute(head5(url2, options3));
      },
      post(url2, options3) {
        return this.execute(post(url2, options3));
      },
      put(url2, options3) {
        return this.execute(put(url2, options3));
      },
      patch(url2, options3) {
        return this.execute(patch9(url2, options3));
      },
      del(url2, options3) {
        return this.execute(del(url2, options3));
      },
      options(url2, options3) {
        return this.execute(options(url2, options3));
      }
    };
    makeWith = (postprocess, preprocess) => {
      const self = Object.create(ClientProto);
      self.preprocess = preprocess;
      self.postprocess = postprocess;
      self.execute = function(request) {
        return postprocess(preprocess(request));
      };
      return self;
    };
    responseRegistry = /* @__PURE__ */ globalValue("@effect/platform/HttpClient/responseRegistry", () => {
      if ("FinalizationRegistry" in globalThis && globalThis.FinalizationRegistry) {
        const registry = new FinalizationRegistry((controller) => {
          controller.abort();
        });
        return {
          register(response, controller) {
            registry.register(response, controller, response);
          },
          unregister(response) {
            registry.unregister(response);
          }
        };
      }
      const timers = /* @__PURE__ */ new Map();
      return {
        register(response, controller) {
          timers.set(response, setTimeout(() => controller.abort(), 5e3));
        },
        unregister(response) {
          const timer = timers.get(response);
          if (timer === void 0) return;
          clearTimeout(timer);
          timers.delete(response);
        }
      };
    });
    scopedRequests = /* @__PURE__ */ globalValue("@effect/platform/HttpClient/scopedRequests", () => /* @__PURE__ */ new WeakMap());
    make48 = (f) => makeWith((effect3) => flatMap9(effect3, (request) => withFiberRuntime2((fiber) => {
      const scopedController = scopedRequests.get(request);
      const controller = scopedController ?? new AbortController();
      const urlResult = makeUrl(request.url, request.urlParams, request.hash);
      if (urlResult._tag === "Left") {
        return fail6(new RequestError({
          request,
          reason: "InvalidUrl",
          cause: urlResult.left
        }));
      }
      const url2 = urlResult.right;
      const tracerDisabled = !fiber.getFiberRef(currentTracerEnabled2) || fiber.getFiberRef(currentTracerDisabledWhen)(request);
      if (tracerDisabled) {
        const effect4 = f(request, url2, controller.signal, fiber);
        if (scopedController) return effect4;
        return uninterruptibleMask3((restore) => matchCauseEffect3(restore(effect4), {
          onSuccess(response) {
            responseRegistry.register(response, controller);
            return succeed7(new InterruptibleResponse(response, controller));
          },
          onFailure(cause2) {
            if (isInterrupted2(cause2)) {
              controller.abort();
            }
            return failCause6(cause2);
          }
        }));
      }
      const nameGenerator = get5(fiber.currentContext, SpanNameGenerator);
      return useSpan2(nameGenerator(request), {
        kind: "client",
        captureStackTrace: false
      }, (span2) => {
        span2.attribute(ATTR_HTTP_REQUEST_METHOD, request.method);
        span2.attribute(ATTR_SERVER_ADDRESS, url2.origin);
        if (url2.port !== "") {
          span2.attribute(ATTR_SERVER_PORT, +url2.port);
        }
        span2.attribute(ATTR_URL_FULL, url2.toString());
        span2.attribute(ATTR_URL_PATH, url2.pathname);
        span2.attribute(ATTR_URL_SCHEME, url2.protocol.slice(0, -1));
        const query = url2.search.slice(1);
        if (query !== "") {
          span2.attribute(ATTR_URL_QUERY, query);
        }
        const redactedHeaderNames = fiber.getFiberRef(currentRedactedNames);
        const redactedHeaders = redact2(request.headers, redactedHeaderNames);
        for (const name in redactedHeaders) {
          span2.attribute(ATTR_HTTP_REQUEST_HEADER(name), String(redactedHeaders[name]));
        }
        request = fiber.getFiberRef(currentTracerPropagation) ? setHeaders(request, toHeaders(span2)) : request;
        return uninterruptibleMask3((restore) => restore(f(request, url2, controller.signal, fiber)).pipe(withParentSpan2(span2), matchCauseEffect3({
          onSuccess: (response) => {
            span2.attribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
            const redactedHeaders2 = redact2(response.headers, redactedHeaderNames);
            for (const name in redactedHeaders2) {
              span2.attribute(ATTR_HTTP_RESPONSE_HEADER(name), String(redactedHeaders2[name]));
            }
            if (scopedController) return succeed7(response);
            responseRegistry.register(response, controller);
            return succeed7(new InterruptibleResponse(response, controller));
          },
          onFailure(cause2) {
            if (!scopedController && isInterrupted2(cause2)) {
              controller.abort();
            }
            return failCause6(cause2);
          }
        })));
      });
    })), succeed7);
    InterruptibleResponse = class {
      original;
      controller;
      constructor(original, controller) {
        this.original = original;
        this.controller = controller;
      }
      [TypeId24] = TypeId24;
      [TypeId21] = TypeId21;
      applyInterrupt(effect3) {
        return suspend4(() => {
          responseRegistry.unregister(this.original);
          return onInterrupt2(effect3, () => sync4(() => {
            this.controller.abort();
          }));
        });
      }
      get request() {
        return this.original.request;
      }
      get status() {
        return this.original.status;
      }
      get headers() {
        return this.original.headers;
      }
      get cookies() {
        return this.original.cookies;
      }
      get remoteAddress() {
        return this.original.remoteAddress;
      }
      get formData() {
        return this.applyInterrupt(this.original.formData);
      }
      get text() {
        return this.applyInterrupt(this.original.text);
      }
      get json() {
        return this.applyInterrupt(this.original.json);
      }
      get urlParamsBody() {
        return this.applyInterrupt(this.original.urlParamsBody);
      }
      get arrayBuffer() {
        return this.applyInterrupt(this.original.arrayBuffer);
      }
      get stream() {
        return suspend7(() => {
          responseRegistry.unregister(this.original);
          return ensuring5(this.original.stream, sync4(() => {
            this.controller.abort();
          }));
        });
      }
      toJSON() {
        return this.original.toJSON();
      }
      [NodeInspectSymbol]() {
        return this.original[NodeInspectSymbol]();
      }
    };
    withScope = (self) => transform3(self, (effect3, request) => {
      const controller = new AbortController();
      scopedRequests.set(request, controller);
      return zipRight3(scopeWith2((scope4) => addFinalizer2(scope4, sync4(() => controller.abort()))), effect3);
    });
    ({
      del: (
        /** @internal */
        del2
      ),
      execute: (
        /** @internal */
        execute2
      ),
      get: (
        /** @internal */
        get15
      ),
      head: (
        /** @internal */
        head6
      ),
      options: (
        /** @internal */
        options2
      ),
      patch: (
        /** @internal */
        patch10
      ),
      post: (
        /** @internal */
        post2
      ),
      put: (
        /** @internal */
        put2
      )
    } = /* @__PURE__ */ serviceFunctions2(tag));
    transform3 = /* @__PURE__ */ dual(2, (self, f) => {
      const client = self;
      return makeWith(flatMap9((request) => f(client.postprocess(succeed7(request)), request)), client.preprocess);
    });
    transformResponse = /* @__PURE__ */ dual(2, (self, f) => {
      const client = self;
      return makeWith((request) => f(client.postprocess(request)), client.preprocess);
    });
  }
});

// node_modules/@effect/platform/dist/esm/HttpClient.js
var HttpClient, make49, withTracerDisabledWhen2, withTracerPropagation2, withScope2;
var init_HttpClient = __esm({
  "node_modules/@effect/platform/dist/esm/HttpClient.js"() {
    init_httpClient();
    HttpClient = tag;
    make49 = make48;
    withTracerDisabledWhen2 = withTracerDisabledWhen;
    withTracerPropagation2 = withTracerPropagation;
    withScope2 = withScope;
  }
});

// src/domain/errors.ts
var UsageError, SettingsError, RuleError, ConfigError, ApiError, AgentNotFound, UnknownModel, UnexpectedStop, MaxTurnsReached, NoAssistantReply, BrokenPipe, NoModelAvailable, StoreError, NoAgentToContinue;
var init_errors3 = __esm({
  "src/domain/errors.ts"() {
    "use strict";
    init_Data();
    UsageError = class extends TaggedError("UsageError") {
    };
    SettingsError = class extends TaggedError("SettingsError") {
    };
    RuleError = class extends TaggedError("RuleError") {
    };
    ConfigError = class extends TaggedError("ConfigError") {
    };
    ApiError = class extends TaggedError("ApiError") {
    };
    AgentNotFound = class extends TaggedError("AgentNotFound") {
    };
    UnknownModel = class extends TaggedError("UnknownModel") {
    };
    UnexpectedStop = class extends TaggedError("UnexpectedStop") {
    };
    MaxTurnsReached = class extends TaggedError("MaxTurnsReached") {
    };
    NoAssistantReply = class extends TaggedError("NoAssistantReply") {
    };
    BrokenPipe = class extends TaggedError("BrokenPipe") {
    };
    NoModelAvailable = class extends TaggedError("NoModelAvailable") {
    };
    StoreError = class extends TaggedError("StoreError") {
    };
    NoAgentToContinue = class extends TaggedError("NoAgentToContinue") {
    };
  }
});

// src/domain/schemaGuard.ts
var hasOwn, compile, compileGuard;
var init_schemaGuard = __esm({
  "src/domain/schemaGuard.ts"() {
    "use strict";
    init_ParseResult();
    init_Schema();
    init_SchemaAST();
    hasOwn = (value2, key) => Object.prototype.hasOwnProperty.call(value2, key);
    compile = (ast) => {
      switch (ast._tag) {
        case "StringKeyword":
          return (value2) => typeof value2 === "string";
        case "NumberKeyword":
          return (value2) => typeof value2 === "number";
        case "BooleanKeyword":
          return (value2) => typeof value2 === "boolean";
        case "UndefinedKeyword":
          return (value2) => value2 === void 0;
        case "UnknownKeyword":
        case "AnyKeyword":
          return () => true;
        case "Literal": {
          const literal = ast.literal;
          return (value2) => value2 === literal;
        }
        case "Union": {
          const members = ast.types.map(compile);
          return (value2) => members.some((member) => member(value2));
        }
        case "TupleType": {
          if (ast.elements.length !== 0 || ast.rest.length !== 1) break;
          const item = compile(ast.rest[0].type);
          return (value2) => Array.isArray(value2) && value2.every(item);
        }
        case "TypeLiteral": {
          if (ast.indexSignatures.length !== 0 || ast.propertySignatures.length === 0) break;
          const fields = ast.propertySignatures.map((signature) => ({
            name: signature.name,
            optional: signature.isOptional,
            check: compile(signature.type)
          }));
          return (value2) => {
            if (typeof value2 !== "object" || value2 === null || Array.isArray(value2)) return false;
            for (const field of fields) {
              if (!hasOwn(value2, field.name)) {
                if (field.optional) continue;
                return false;
              }
              if (!field.check(value2[field.name])) return false;
            }
            return true;
          };
        }
        default:
          break;
      }
      return is(make45(ast));
    };
    compileGuard = (schema) => compile(typeAST(schema.ast));
  }
});

// src/layers/models/wire.ts
var jsonDecoder, excerpt, usageOf, argumentsObject, NullableNumber, NullableString;
var init_wire = __esm({
  "src/layers/models/wire.ts"() {
    "use strict";
    init_ParseResult();
    init_Schema();
    init_schemaGuard();
    jsonDecoder = (schema, what) => {
      const guard = compileGuard(schema);
      const explain = decodeUnknownEither2(schema);
      return (data) => {
        let value2;
        try {
          value2 = JSON.parse(data);
        } catch {
          return { ok: false, failure: { kind: "protocol", detail: `${what} is not JSON: ${excerpt(data)}` } };
        }
        if (guard(value2)) return { ok: true, value: value2 };
        const result = explain(value2);
        const reason = result._tag === "Left" ? TreeFormatter.formatErrorSync(result.left) : "unexpected shape";
        return { ok: false, failure: { kind: "protocol", detail: `unexpected ${what}: ${reason}` } };
      };
    };
    excerpt = (text2, limit = 300) => {
      const flat = text2.replace(/\s+/g, " ").trim();
      return flat.length > limit ? `${flat.slice(0, limit)}\u2026` : flat;
    };
    usageOf = (input, output) => {
      const valid = (value2) => typeof value2 === "number" && Number.isFinite(value2) && value2 >= 0;
      if (!valid(input) && !valid(output)) return void 0;
      return { inputTokens: valid(input) ? input : 0, outputTokens: valid(output) ? output : 0 };
    };
    argumentsObject = (text2) => {
      try {
        const value2 = JSON.parse(text2);
        return typeof value2 === "object" && value2 !== null && !Array.isArray(value2) ? value2 : {};
      } catch {
        return {};
      }
    };
    NullableNumber = optional(NullOr(Number$));
    NullableString = optional(NullOr(String$));
  }
});

// src/layers/models/anthropicMessages.ts
var ANTHROPIC_VERSION, toMessages, withCacheBreakpoint, body, Usage, Event, decodeEvent, finishReason, missing, reader, anthropicMessages;
var init_anthropicMessages = __esm({
  "src/layers/models/anthropicMessages.ts"() {
    "use strict";
    init_Schema();
    init_wire();
    ANTHROPIC_VERSION = "2023-06-01";
    toMessages = (messages) => {
      const out = [];
      const push = (role, blocks) => {
        if (blocks.length === 0) return;
        const last5 = out[out.length - 1];
        if (last5 !== void 0 && last5.role === role) last5.content.push(...blocks);
        else out.push({ role, content: blocks });
      };
      for (const message of messages) {
        switch (message.role) {
          case "user":
            push("user", message.text.length > 0 ? [{ type: "text", text: message.text }] : []);
            break;
          case "assistant": {
            const blocks = [];
            for (const reasoning of message.reasoning ?? []) {
              if (reasoning.signature !== void 0 && reasoning.signature.length > 0) {
                blocks.push({ type: "thinking", thinking: reasoning.text, signature: reasoning.signature });
              }
            }
            if (message.text.length > 0) blocks.push({ type: "text", text: message.text });
            for (const call of message.toolCalls) {
              blocks.push({ type: "tool_use", id: call.id, name: call.name, input: argumentsObject(call.arguments) });
            }
            push("assistant", blocks);
            break;
          }
          case "tool":
            push("user", [{ type: "tool_result", tool_use_id: message.toolCallId, content: message.output, ...message.isError ? { is_error: true } : {} }]);
            break;
        }
      }
      return out;
    };
    withCacheBreakpoint = (messages) => {
      const last5 = messages[messages.length - 1];
      const block = last5?.content[last5.content.length - 1];
      if (last5 === void 0 || block === void 0) return messages;
      const marked = { ...block, cache_control: { type: "ephemeral" } };
      return [...messages.slice(0, -1), { role: last5.role, content: [...last5.content.slice(0, -1), marked] }];
    };
    body = (provider, model, request) => {
      const cache = !provider.custom;
      const messages = toMessages(request.messages);
      return {
        model,
        max_tokens: request.maxOutputTokens,
        ...request.system.length > 0 ? { system: [{ type: "text", text: request.system, ...cache ? { cache_control: { type: "ephemeral" } } : {} }] } : {},
        messages: cache ? withCacheBreakpoint(messages) : messages,
        ...request.tools.length > 0 ? { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.parameters })) } : {},
        stream: true
      };
    };
    Usage = Struct({
      input_tokens: NullableNumber,
      output_tokens: NullableNumber,
      cache_creation_input_tokens: NullableNumber,
      cache_read_input_tokens: NullableNumber
    });
    Event = Struct({
      type: String$,
      index: optional(Number$),
      message: optional(Struct({ usage: optional(Usage) })),
      content_block: optional(
        Struct({
          type: String$,
          id: optional(String$),
          name: optional(String$),
          input: optional(Unknown),
          text: NullableString,
          thinking: NullableString,
          signature: NullableString
        })
      ),
      delta: optional(
        Struct({
          type: optional(String$),
          text: optional(String$),
          partial_json: optional(String$),
          thinking: optional(String$),
          signature: optional(String$),
          stop_reason: NullableString
        })
      ),
      usage: optional(Usage),
      error: optional(Struct({ type: NullableString, message: NullableString }))
    });
    decodeEvent = jsonDecoder(Event, "Anthropic stream event");
    finishReason = (stopReason) => {
      switch (stopReason) {
        case "end_turn":
        case "stop_sequence":
          return "stop";
        case "tool_use":
          return "tool-calls";
        case "max_tokens":
        case "model_context_window_exceeded":
          return "length";
        case "refusal":
          return "content-filter";
        default:
          return "other";
      }
    };
    missing = (field, type) => ({ kind: "protocol", detail: `an Anthropic ${type} without ${field}` });
    reader = () => {
      const tools = /* @__PURE__ */ new Map();
      let inputTokens;
      let outputTokens;
      let stopReason;
      let started = false;
      return {
        event: (message, out) => {
          const decoded = decodeEvent(message.data);
          if (!decoded.ok) return decoded.failure;
          const event = decoded.value;
          switch (event.type) {
            case "message_start": {
              started = true;
              const usage = event.message?.usage;
              if (usage !== void 0) {
                const parts2 = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens];
                if (parts2.some((part) => typeof part === "number")) inputTokens = parts2.reduce((sum3, part) => sum3 + (part ?? 0), 0);
                if (typeof usage.output_tokens === "number") outputTokens = usage.output_tokens;
              }
              return void 0;
            }
            case "content_block_start": {
              const block = event.content_block;
              if (block === void 0 || event.index === void 0) return missing("content_block and index", "content_block_start");
              if (block.type === "tool_use") {
                if (block.id === void 0 || block.name === void 0) return missing("id and name", "tool_use block");
                tools.set(event.index, { id: block.id, sent: false, input: block.input });
                out.push({ _tag: "ToolCallStart", id: block.id, name: block.name });
              } else if (block.type === "text" && typeof block.text === "string" && block.text.length > 0) {
                out.push({ _tag: "TextDelta", text: block.text });
              } else if (block.type === "thinking" && typeof block.thinking === "string" && block.thinking.length > 0) {
                out.push({ _tag: "ReasoningDelta", text: block.thinking });
              }
              return void 0;
            }
            case "content_block_delta": {
              const delta = event.delta;
              if (delta === void 0 || event.index === void 0) return missing("delta and index", "content_block_delta");
              switch (delta.type) {
                case "text_delta":
                  if (delta.text === void 0) return missing("text", "text_delta");
                  if (delta.text.length > 0) out.push({ _tag: "TextDelta", text: delta.text });
                  return void 0;
                case "input_json_delta": {
                  if (delta.partial_json === void 0) return missing("partial_json", "input_json_delta");
                  const tool = tools.get(event.index);
                  if (tool === void 0) return { kind: "protocol", detail: `an Anthropic input_json_delta for block ${event.index}, which is not a tool_use block` };
                  if (delta.partial_json.length > 0) {
                    tool.sent = true;
                    out.push({ _tag: "ToolCallDelta", id: tool.id, argumentsDelta: delta.partial_json });
                  }
                  return void 0;
                }
                case "thinking_delta":
                  if (delta.thinking === void 0) return missing("thinking", "thinking_delta");
                  if (delta.thinking.length > 0) out.push({ _tag: "ReasoningDelta", text: delta.thinking });
                  return void 0;
                case "signature_delta":
                  if (delta.signature === void 0) return missing("signature", "signature_delta");
                  out.push({ _tag: "ReasoningDelta", text: "", signature: delta.signature });
                  return void 0;
                default:
                  return void 0;
              }
            }
            case "content_block_stop": {
              const tool = event.index === void 0 ? void 0 : tools.get(event.index);
              if (tool !== void 0 && !tool.sent) {
                const input = tool.input;
                const text2 = typeof input === "object" && input !== null && Object.keys(input).length > 0 ? JSON.stringify(input) : "{}";
                tool.sent = true;
                out.push({ _tag: "ToolCallDelta", id: tool.id, argumentsDelta: text2 });
              }
              return void 0;
            }
            case "message_delta": {
              if (typeof event.delta?.stop_reason === "string") stopReason = event.delta.stop_reason;
              const usage = event.usage;
              if (usage !== void 0) {
                if (typeof usage.output_tokens === "number") outputTokens = usage.output_tokens;
                const parts2 = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens];
                if (typeof usage.input_tokens === "number") inputTokens = parts2.reduce((sum3, part) => sum3 + (part ?? 0), 0);
              }
              return void 0;
            }
            case "message_stop":
              out.push({ _tag: "Finish", reason: finishReason(stopReason), usage: usageOf(inputTokens, outputTokens) });
              return void 0;
            case "error": {
              const error = event.error;
              return {
                kind: "stream",
                detail: error?.message ?? "the provider reported an error during the reply",
                code: error?.type ?? void 0
              };
            }
            default:
              return void 0;
          }
        },
        end: () => ({
          kind: "stream",
          detail: started ? "the stream ended before the reply was complete (no message_stop)" : "the stream ended without a reply"
        })
      };
    };
    anthropicMessages = {
      url: (provider) => `${provider.baseUrl}/v1/messages`,
      headers: (provider) => ({
        "anthropic-version": ANTHROPIC_VERSION,
        ...provider.apiKey === void 0 ? {} : { "x-api-key": provider.apiKey }
      }),
      body,
      reader
    };
  }
});

// src/layers/models/catalogue.ts
var K, KNOWN, BY_LENGTH, normaliseName, lookupKnown, FALLBACK_CONTEXT_WINDOW, replyBudget, CATALOGUE, DEFAULT_MODELS;
var init_catalogue = __esm({
  "src/layers/models/catalogue.ts"() {
    "use strict";
    K = 1e3;
    KNOWN = [
      // Anthropic (every Claude 3+ model has a 200k window).
      { key: "claude-opus-4-5", contextWindow: 200 * K, maxOutput: 64e3 },
      { key: "claude-opus-4-1", contextWindow: 200 * K, maxOutput: 32e3 },
      { key: "claude-opus-4", contextWindow: 200 * K, maxOutput: 32e3 },
      { key: "claude-sonnet-4-5", contextWindow: 200 * K, maxOutput: 64e3 },
      { key: "claude-sonnet-4", contextWindow: 200 * K, maxOutput: 64e3 },
      { key: "claude-haiku-4-5", contextWindow: 200 * K, maxOutput: 64e3 },
      { key: "claude-3-7-sonnet", contextWindow: 200 * K, maxOutput: 64e3 },
      { key: "claude-3-5-sonnet", contextWindow: 200 * K, maxOutput: 8192 },
      { key: "claude-3-5-haiku", contextWindow: 200 * K, maxOutput: 8192 },
      { key: "claude-3-opus", contextWindow: 200 * K, maxOutput: 4096 },
      { key: "claude-3-haiku", contextWindow: 200 * K, maxOutput: 4096 },
      { key: "claude", contextWindow: 200 * K, maxOutput: 8192 },
      // OpenAI.
      { key: "gpt-5-chat", contextWindow: 128 * K, maxOutput: 16384 },
      { key: "gpt-5", contextWindow: 400 * K, maxOutput: 128e3 },
      { key: "gpt-4-1", contextWindow: 1047576, maxOutput: 32768 },
      { key: "gpt-4o", contextWindow: 128 * K, maxOutput: 16384 },
      { key: "gpt-4-turbo", contextWindow: 128 * K, maxOutput: 4096 },
      { key: "o4-mini", contextWindow: 200 * K, maxOutput: 100 * K },
      { key: "o3", contextWindow: 200 * K, maxOutput: 100 * K },
      { key: "o1", contextWindow: 200 * K, maxOutput: 100 * K },
      { key: "gpt-oss", contextWindow: 131072, maxOutput: void 0 },
      // Open-weight models commonly served by Ollama, LM Studio, vLLM (their native windows).
      { key: "qwen3-coder", contextWindow: 262144, maxOutput: void 0 },
      { key: "qwen3", contextWindow: 40960, maxOutput: void 0 },
      { key: "qwen2-5-coder", contextWindow: 32768, maxOutput: void 0 },
      { key: "llama3-3", contextWindow: 131072, maxOutput: void 0 },
      { key: "llama3-2", contextWindow: 131072, maxOutput: void 0 },
      { key: "llama3-1", contextWindow: 131072, maxOutput: void 0 },
      { key: "deepseek-r1", contextWindow: 131072, maxOutput: void 0 },
      { key: "devstral", contextWindow: 131072, maxOutput: void 0 },
      { key: "mistral-nemo", contextWindow: 131072, maxOutput: void 0 }
    ];
    BY_LENGTH = [...KNOWN].sort((a, b) => b.key.length - a.key.length);
    normaliseName = (model) => {
      const lastSegment = model.toLowerCase().split("/").pop() ?? "";
      return lastSegment.replace(/:.*$/, "").replace(/\./g, "-");
    };
    lookupKnown = (model) => {
      const name = normaliseName(model);
      return BY_LENGTH.find((known) => name === known.key || name.startsWith(known.key) && /^[-_@]/.test(name.slice(known.key.length)));
    };
    FALLBACK_CONTEXT_WINDOW = 32768;
    replyBudget = (contextWindow, maxOutput) => {
      const quarter = Math.max(1, Math.floor(contextWindow / 4));
      return maxOutput === void 0 ? quarter : Math.max(1, Math.min(maxOutput, quarter));
    };
    CATALOGUE = [
      { provider: "anthropic", model: "claude-sonnet-4-5" },
      { provider: "anthropic", model: "claude-opus-4-5" },
      { provider: "anthropic", model: "claude-haiku-4-5" },
      { provider: "anthropic", model: "claude-opus-4-1" },
      { provider: "anthropic", model: "claude-sonnet-4" },
      { provider: "openai", model: "gpt-5" },
      { provider: "openai", model: "gpt-5.1" },
      { provider: "openai", model: "gpt-5-mini" },
      { provider: "openai", model: "gpt-5-nano" },
      { provider: "openai", model: "gpt-5-codex" },
      { provider: "openai", model: "gpt-4.1" },
      { provider: "openai", model: "gpt-4.1-mini" },
      { provider: "openai", model: "gpt-4o" },
      { provider: "openai", model: "gpt-4o-mini" },
      { provider: "openai", model: "o3" },
      { provider: "openai", model: "o4-mini" }
    ];
    DEFAULT_MODELS = { anthropic: "claude-sonnet-4-5", openai: "gpt-5" };
  }
});

// src/layers/models/providers.ts
var BUILT_IN_PROVIDERS, nonEmpty, withoutTrailingSlashes, anthropicBase, ollamaOrigin, builtIns, isBuiltIn, providerTable, mergeProviders, serviceName, ollamaNativeBase, lmStudioNativeBase, normaliseOllamaModel, connectionHint, keyHint;
var init_providers = __esm({
  "src/layers/models/providers.ts"() {
    "use strict";
    BUILT_IN_PROVIDERS = ["anthropic", "openai", "ollama", "lmstudio"];
    nonEmpty = (value2) => {
      const trimmed = value2?.trim();
      return trimmed === void 0 || trimmed.length === 0 ? void 0 : trimmed;
    };
    withoutTrailingSlashes = (url2) => url2.replace(/\/+$/, "");
    anthropicBase = (url2) => withoutTrailingSlashes(url2).replace(/\/v1$/, "");
    ollamaOrigin = (ollamaHost) => {
      const value2 = nonEmpty(ollamaHost);
      if (value2 === void 0) return "http://127.0.0.1:11434";
      const schemeAt = value2.indexOf("://");
      const scheme = schemeAt < 0 ? "http" : value2.slice(0, schemeAt).toLowerCase();
      const rest = schemeAt < 0 ? value2 : value2.slice(schemeAt + 3);
      const defaultPort = schemeAt < 0 ? "11434" : scheme === "https" ? "443" : scheme === "http" ? "80" : "11434";
      const slash = rest.indexOf("/");
      const hostPort = slash < 0 ? rest : rest.slice(0, slash);
      const path = slash < 0 ? "" : withoutTrailingSlashes(rest.slice(slash));
      const bracketed = /^\[[^\]]+\](:\d+)?$/.test(hostPort);
      const hasPort = bracketed ? /\]:\d+$/.test(hostPort) : /^[^:]*:\d+$/.test(hostPort);
      const host = hostPort.length === 0 ? "127.0.0.1" : hostPort;
      return `${scheme}://${hasPort ? host : `${host}:${defaultPort}`}${path}`;
    };
    builtIns = (env) => [
      {
        name: "anthropic",
        api: "anthropic",
        baseUrl: anthropicBase(nonEmpty(env["ANTHROPIC_BASE_URL"]) ?? "https://api.anthropic.com"),
        apiKeyEnv: "ANTHROPIC_API_KEY",
        apiKey: nonEmpty(env["ANTHROPIC_API_KEY"]),
        local: void 0,
        contextWindow: void 0,
        custom: false
      },
      {
        name: "openai",
        api: "openai-responses",
        baseUrl: withoutTrailingSlashes(nonEmpty(env["OPENAI_BASE_URL"]) ?? "https://api.openai.com/v1"),
        apiKeyEnv: "OPENAI_API_KEY",
        apiKey: nonEmpty(env["OPENAI_API_KEY"]),
        local: void 0,
        contextWindow: void 0,
        custom: false
      },
      {
        name: "ollama",
        api: "openai-chat",
        baseUrl: `${ollamaOrigin(env["OLLAMA_HOST"])}/v1`,
        apiKeyEnv: void 0,
        apiKey: void 0,
        local: "ollama",
        contextWindow: void 0,
        custom: false
      },
      {
        name: "lmstudio",
        api: "openai-chat",
        baseUrl: withoutTrailingSlashes(nonEmpty(env["LMSTUDIO_BASE_URL"]) ?? "http://127.0.0.1:1234/v1"),
        apiKeyEnv: void 0,
        apiKey: void 0,
        local: "lmstudio",
        contextWindow: void 0,
        custom: false
      }
    ];
    isBuiltIn = (name) => BUILT_IN_PROVIDERS.includes(name);
    providerTable = (env, custom2) => {
      const all5 = [...builtIns(env)];
      const ignored = [];
      for (const [name, settings] of Object.entries(custom2 ?? {})) {
        if (isBuiltIn(name)) {
          ignored.push({ name, why: `"${name}" is a built-in provider (set its base URL with its environment variable instead)` });
          continue;
        }
        if (name.length === 0 || name.includes("/")) {
          ignored.push({ name, why: "a provider name cannot be empty or contain '/'" });
          continue;
        }
        const apiKeyEnv = nonEmpty(settings.apiKeyEnv);
        all5.push({
          name,
          api: settings.api,
          baseUrl: settings.api === "anthropic" ? anthropicBase(settings.baseUrl) : withoutTrailingSlashes(settings.baseUrl),
          apiKeyEnv,
          apiKey: apiKeyEnv === void 0 ? void 0 : nonEmpty(env[apiKeyEnv]),
          local: void 0,
          contextWindow: settings.contextWindow,
          custom: true
        });
      }
      const byName = new Map(all5.map((provider) => [provider.name, provider]));
      return { all: all5, find: (name) => byName.get(name), ignored };
    };
    mergeProviders = (user, project2) => ({ ...user, ...project2 });
    serviceName = (provider) => `the model provider ${provider.name} (${provider.baseUrl})`;
    ollamaNativeBase = (provider) => provider.baseUrl.replace(/\/v1$/, "");
    lmStudioNativeBase = (provider) => `${provider.baseUrl.replace(/\/v1$/, "")}/api/v0`;
    normaliseOllamaModel = (model) => model.includes(":") ? model : `${model}:latest`;
    connectionHint = (provider) => {
      switch (provider.local) {
        case "ollama":
          return "Is Ollama running? Start it with `ollama serve` (or set OLLAMA_HOST to where it listens).";
        case "lmstudio":
          return "Is LM Studio's server running? Start it in LM Studio (Developer tab) or with `lms server start` (or set LMSTUDIO_BASE_URL).";
        case void 0:
          return provider.custom ? `Check the baseUrl of the provider "${provider.name}" in your settings, and your network connection.` : provider.name === "anthropic" ? "Check your network connection (and ANTHROPIC_BASE_URL if you set it)." : "Check your network connection (and OPENAI_BASE_URL if you set it).";
      }
    };
    keyHint = (provider) => provider.apiKeyEnv === void 0 ? provider.custom ? `The provider "${provider.name}" has no apiKeyEnv in your settings; add the name of the environment variable that holds its key.` : void 0 : `Check ${provider.apiKeyEnv}: set it to a valid key for ${provider.name} (export ${provider.apiKeyEnv}=...).`;
  }
});

// src/layers/models/providerErrors.ts
var Message, Code, ErrorBody, decodeErrorBody, providerMessage, retryAfterMs, hintForStatus, httpError, CONNECTION_CODES, causeCode, causeText, requestError, timeoutError, readError, wireError, missingKeyError;
var init_providerErrors = __esm({
  "src/layers/models/providerErrors.ts"() {
    "use strict";
    init_Option();
    init_Schema();
    init_errors3();
    init_providers();
    init_wire();
    Message = optional(NullOr(String$));
    Code = optional(NullOr(Union2(String$, Number$)));
    ErrorBody = Struct({
      error: optional(
        Union2(String$, Struct({ message: Message, type: Message, code: Code }))
      ),
      message: Message,
      type: Message,
      code: Code,
      detail: optional(Unknown)
    });
    decodeErrorBody = decodeUnknownOption(ErrorBody);
    providerMessage = (body4) => {
      let json2;
      try {
        json2 = JSON.parse(body4);
      } catch {
        const text2 = excerpt(body4);
        return { detail: text2.length > 0 ? text2 : void 0, code: void 0 };
      }
      const decoded = decodeErrorBody(json2);
      if (isNone2(decoded)) return { detail: excerpt(body4), code: void 0 };
      const { error, message, type, code, detail } = decoded.value;
      const codeText = (value2) => value2 === null || value2 === void 0 ? void 0 : String(value2);
      if (typeof error === "string") return { detail: error, code: codeText(code) ?? type ?? void 0 };
      if (error !== void 0 && typeof error.message === "string") {
        return { detail: error.message, code: codeText(error.code) ?? error.type ?? void 0 };
      }
      if (typeof message === "string") return { detail: message, code: codeText(code) ?? type ?? void 0 };
      if (typeof detail === "string") return { detail, code: void 0 };
      return { detail: excerpt(body4), code: void 0 };
    };
    retryAfterMs = (headers, now = Date.now()) => {
      const ms = headers["retry-after-ms"];
      if (ms !== void 0 && ms.trim().length > 0) {
        const value2 = Number(ms);
        if (Number.isFinite(value2) && value2 >= 0) return Math.round(value2);
      }
      const after3 = headers["retry-after"]?.trim();
      if (after3 === void 0 || after3.length === 0) return void 0;
      const seconds2 = Number(after3);
      if (Number.isFinite(seconds2)) return seconds2 >= 0 ? Math.round(seconds2 * 1e3) : void 0;
      const date = Date.parse(after3);
      return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
    };
    hintForStatus = (context5, status2, detail) => {
      if (status2 === 401 || status2 === 403) return keyHint(context5.provider);
      if (status2 === 404 && context5.provider.local === "ollama" && context5.model !== void 0 && /not found|pull/i.test(detail ?? "")) {
        return `Pull it with \`ollama pull ${context5.model}\`, or pick a model from \`ollama list\`.`;
      }
      return void 0;
    };
    httpError = (context5, status2, headers, body4) => {
      const { detail, code } = providerMessage(body4);
      const retryAfter = retryAfterMs(headers);
      const hint = hintForStatus(context5, status2, detail);
      return new ApiError({
        kind: "http",
        operation: context5.operation,
        status: status2,
        ...detail === void 0 ? {} : { detail },
        ...code === void 0 ? {} : { code },
        ...retryAfter === void 0 ? {} : { retryAfterMs: retryAfter },
        streamStarted: false,
        service: serviceName(context5.provider),
        ...hint === void 0 ? {} : { hint }
      });
    };
    CONNECTION_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED"]);
    causeCode = (cause2) => {
      let current = cause2;
      for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
        const code = Reflect.get(current, "code");
        if (typeof code === "string") return code;
        current = Reflect.get(current, "cause");
      }
      return void 0;
    };
    causeText = (cause2) => {
      const code = causeCode(cause2);
      const message = cause2 instanceof Error ? cause2.message : String(cause2);
      return code === void 0 || message.includes(code) ? message : `${message} (${code})`;
    };
    requestError = (context5, error) => {
      const code = causeCode(error.cause);
      const timedOut = code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT";
      return new ApiError({
        kind: timedOut ? "timeout" : error._tag === "RequestError" || code !== void 0 && CONNECTION_CODES.has(code) ? "connection" : "protocol",
        operation: context5.operation,
        detail: causeText(error.cause ?? error),
        ...code === void 0 ? {} : { code },
        streamStarted: false,
        service: serviceName(context5.provider),
        hint: connectionHint(context5.provider)
      });
    };
    timeoutError = (context5, ms) => new ApiError({
      kind: "timeout",
      operation: context5.operation,
      detail: `no answer within ${ms} ms`,
      streamStarted: false,
      service: serviceName(context5.provider),
      hint: connectionHint(context5.provider)
    });
    readError = (context5, cause2) => new ApiError({
      kind: "stream",
      operation: context5.operation,
      detail: `the connection broke before the reply was complete: ${causeText(cause2)}`,
      streamStarted: true,
      service: serviceName(context5.provider)
    });
    wireError = (context5, failure, streamStarted) => new ApiError({
      kind: failure.kind,
      operation: context5.operation,
      detail: failure.detail,
      ...failure.code === void 0 ? {} : { code: failure.code },
      streamStarted,
      service: serviceName(context5.provider)
    });
    missingKeyError = (context5) => {
      const hint = keyHint(context5.provider);
      return new ApiError({
        kind: "protocol",
        operation: context5.operation,
        detail: `no API key: ${context5.provider.apiKeyEnv ?? "its key variable"} is not set`,
        streamStarted: false,
        service: serviceName(context5.provider),
        ...hint === void 0 ? {} : { hint }
      });
    };
  }
});

// src/layers/models/chatCompletions.ts
var toMessages2, body2, Fragment, Choice, ChunkSchema, decodeChunk, argumentsText, reader2, chatCompletions;
var init_chatCompletions = __esm({
  "src/layers/models/chatCompletions.ts"() {
    "use strict";
    init_Schema();
    init_providerErrors();
    init_wire();
    toMessages2 = (system, messages) => {
      const out = system.length > 0 ? [{ role: "system", content: system }] : [];
      for (const message of messages) {
        switch (message.role) {
          case "user":
            out.push({ role: "user", content: message.text });
            break;
          case "assistant":
            out.push({
              role: "assistant",
              content: message.text,
              ...message.toolCalls.length > 0 ? {
                tool_calls: message.toolCalls.map((call) => ({
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: call.arguments }
                }))
              } : {}
            });
            break;
          case "tool":
            out.push({ role: "tool", tool_call_id: message.toolCallId, content: message.output });
            break;
        }
      }
      return out;
    };
    body2 = (_provider, model, request) => ({
      model,
      messages: toMessages2(request.system, request.messages),
      ...request.tools.length > 0 ? {
        tools: request.tools.map((tool) => ({
          type: "function",
          function: { name: tool.name, description: tool.description, parameters: tool.parameters }
        }))
      } : {},
      max_tokens: request.maxOutputTokens,
      stream: true,
      stream_options: { include_usage: true }
    });
    Fragment = Struct({
      index: NullableNumber,
      id: NullableString,
      function: optional(
        NullOr(
          Struct({
            name: NullableString,
            // A JSON text by the standard; a few servers send the object itself.
            arguments: optional(Unknown)
          })
        )
      )
    });
    Choice = Struct({
      index: NullableNumber,
      delta: optional(
        NullOr(
          Struct({
            content: NullableString,
            reasoning_content: NullableString,
            reasoning: NullableString,
            tool_calls: optional(NullOr(Array$(Fragment)))
          })
        )
      ),
      finish_reason: NullableString
    });
    ChunkSchema = Struct({
      choices: optional(NullOr(Array$(Choice))),
      usage: optional(NullOr(Struct({ prompt_tokens: NullableNumber, completion_tokens: NullableNumber }))),
      error: optional(Unknown)
    });
    decodeChunk = jsonDecoder(ChunkSchema, "Chat Completions chunk");
    argumentsText = (value2) => typeof value2 === "string" ? value2 : value2 === void 0 || value2 === null ? "" : JSON.stringify(value2);
    reader2 = () => {
      const calls = /* @__PURE__ */ new Map();
      const order = [];
      let finishReason2;
      let usage;
      let done7 = false;
      let nextSynthetic = 1e6;
      const finish = (out) => {
        for (const call of order) {
          if (!call.started && call.name.length > 0) start3(call, out);
          if (call.started && call.pending.length === 0 && !argumentsSeen.has(call)) {
            argumentsSeen.add(call);
            out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: "{}" });
          }
        }
        const anyCall = order.some((call) => call.started);
        const reason = finishReason2 === "tool_calls" || finishReason2 === "function_call" ? "tool-calls" : finishReason2 === "length" ? "length" : finishReason2 === "content_filter" ? "content-filter" : finishReason2 === "stop" || finishReason2 === void 0 ? anyCall ? "tool-calls" : "stop" : "other";
        out.push({ _tag: "Finish", reason, usage });
      };
      const argumentsSeen = /* @__PURE__ */ new Set();
      const start3 = (call, out) => {
        call.started = true;
        out.push({ _tag: "ToolCallStart", id: call.id, name: call.name });
        if (call.pending.length > 0) {
          argumentsSeen.add(call);
          out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: call.pending });
          call.pending = "";
        }
      };
      const fragment = (position, part, out) => {
        let index = typeof part.index === "number" ? part.index : position;
        let call = calls.get(index);
        if (call !== void 0 && typeof part.id === "string" && part.id.length > 0 && part.id !== call.id) {
          index = nextSynthetic++;
          call = void 0;
        }
        if (call === void 0) {
          const id2 = typeof part.id === "string" && part.id.length > 0 ? part.id : `call_${order.length + 1}`;
          call = { id: id2, name: "", started: false, pending: "" };
          calls.set(index, call);
          order.push(call);
        }
        const name = part.function?.name;
        if (!call.started && typeof name === "string" && name.length > 0) call.name += name;
        const text2 = argumentsText(part.function?.arguments);
        if (!call.started && call.name.length > 0) start3(call, out);
        if (text2.length === 0) return;
        if (call.started) {
          argumentsSeen.add(call);
          out.push({ _tag: "ToolCallDelta", id: call.id, argumentsDelta: text2 });
        } else {
          call.pending += text2;
        }
      };
      return {
        event: (message, out) => {
          if (done7) return void 0;
          if (message.data.trim() === "[DONE]") {
            done7 = true;
            finish(out);
            return void 0;
          }
          const decoded = decodeChunk(message.data);
          if (!decoded.ok) return decoded.failure;
          const chunk3 = decoded.value;
          if (chunk3.error !== void 0 && chunk3.error !== null) {
            const { detail, code } = providerMessage(message.data);
            const failure = { kind: "stream", detail: detail ?? "the provider reported an error during the reply", code };
            return failure;
          }
          if (chunk3.usage !== void 0 && chunk3.usage !== null) {
            usage = usageOf(chunk3.usage.prompt_tokens, chunk3.usage.completion_tokens) ?? usage;
          }
          for (const choice of chunk3.choices ?? []) {
            if (typeof choice.index === "number" && choice.index !== 0) continue;
            const delta = choice.delta;
            if (delta !== void 0 && delta !== null) {
              const reasoning = delta.reasoning_content ?? delta.reasoning;
              if (typeof reasoning === "string" && reasoning.length > 0) out.push({ _tag: "ReasoningDelta", text: reasoning });
              if (typeof delta.content === "string" && delta.content.length > 0) out.push({ _tag: "TextDelta", text: delta.content });
              const fragments = delta.tool_calls ?? [];
              fragments.forEach((part, position) => fragment(position, part, out));
            }
            if (typeof choice.finish_reason === "string" && choice.finish_reason.length > 0) finishReason2 = choice.finish_reason;
          }
          return void 0;
        },
        end: (out) => {
          if (done7) return void 0;
          if (finishReason2 !== void 0) {
            done7 = true;
            finish(out);
            return void 0;
          }
          return { kind: "stream", detail: "the stream ended before the reply was complete (no finish_reason)" };
        }
      };
    };
    chatCompletions = {
      url: (provider) => `${provider.baseUrl}/chat/completions`,
      headers: (provider) => provider.apiKey === void 0 ? {} : { authorization: `Bearer ${provider.apiKey}` },
      body: body2,
      reader: reader2
    };
  }
});

// node_modules/@effect/platform/dist/esm/HttpClientRequest.js
var get16, post3, setHeader2, setHeaders2, acceptJson2, bodyUnsafeJson2;
var init_HttpClientRequest = __esm({
  "node_modules/@effect/platform/dist/esm/HttpClientRequest.js"() {
    init_httpClientRequest();
    get16 = get14;
    post3 = post;
    setHeader2 = setHeader;
    setHeaders2 = setHeaders;
    acceptJson2 = acceptJson;
    bodyUnsafeJson2 = bodyUnsafeJson;
  }
});

// src/layers/models/localServers.ts
var PROBE_TIMEOUT_MS, getJson, OllamaTags, isEmbedding, ollamaModels, OllamaShow, ollamaContextWindow, LmStudioV0, positive, lmStudioModels, OpenAiList, openAiModels, firstChatModel;
var init_localServers = __esm({
  "src/layers/models/localServers.ts"() {
    "use strict";
    init_HttpClient();
    init_HttpClientRequest();
    init_Effect();
    init_Option();
    init_Schema();
    init_providerErrors();
    init_providers();
    init_wire();
    PROBE_TIMEOUT_MS = 1500;
    getJson = (client, context5, schema, url2, options3 = {}) => {
      const timeoutMs = options3.timeoutMs ?? PROBE_TIMEOUT_MS;
      const base = options3.body === void 0 ? get16(url2) : post3(url2).pipe(bodyUnsafeJson2(options3.body));
      const request = base.pipe(setHeaders2(options3.headers ?? {}), acceptJson2);
      return gen2(function* () {
        const response = yield* withScope2(client).execute(request).pipe(mapError2((error) => requestError(context5, error)));
        const text2 = yield* response.text.pipe(mapError2((error) => requestError(context5, error)));
        if (response.status < 200 || response.status >= 300) return yield* fail6(httpError(context5, response.status, response.headers, text2));
        let json2;
        try {
          json2 = JSON.parse(text2);
        } catch {
          return yield* fail6(wireError(context5, { kind: "protocol", detail: `not JSON: ${excerpt(text2)}` }, false));
        }
        return yield* decodeUnknown2(schema)(json2).pipe(
          mapError2((error) => wireError(context5, { kind: "protocol", detail: `unexpected answer: ${error.message}` }, false))
        );
      }).pipe(
        scoped2,
        timeoutFail2({ duration: timeoutMs, onTimeout: () => timeoutError(context5, timeoutMs) })
      );
    };
    OllamaTags = Struct({
      models: optional(
        NullOr(
          Array$(
            Struct({
              name: NullableString,
              model: NullableString,
              details: optional(NullOr(Struct({ family: NullableString, families: optional(NullOr(Array$(String$))) })))
            })
          )
        )
      )
    });
    isEmbedding = (name, families) => /embed/i.test(name) || families.some((family) => /bert/i.test(family));
    ollamaModels = (client, provider, operation) => getJson(client, { provider, operation }, OllamaTags, `${ollamaNativeBase(provider)}/api/tags`).pipe(
      map17(
        (tags) => (tags.models ?? []).flatMap((model) => {
          const id2 = model.model ?? model.name;
          if (typeof id2 !== "string" || id2.length === 0) return [];
          const families = [...model.details?.families ?? [], ...typeof model.details?.family === "string" ? [model.details.family] : []];
          return [{ id: id2, contextWindow: void 0, chat: !isEmbedding(id2, families), loaded: false }];
        })
      )
    );
    OllamaShow = Struct({
      model_info: optional(NullOr(Record({ key: String$, value: Unknown }))),
      parameters: NullableString
    });
    ollamaContextWindow = (client, provider, model, operation) => getJson(client, { provider, operation, model }, OllamaShow, `${ollamaNativeBase(provider)}/api/show`, { body: { model }, timeoutMs: 5e3 }).pipe(
      map17((show) => {
        const numCtx = /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(show.parameters ?? "")?.[1];
        if (numCtx !== void 0 && Number(numCtx) > 0) return Number(numCtx);
        const info = show.model_info ?? {};
        const architecture = info["general.architecture"];
        const direct = typeof architecture === "string" ? info[`${architecture}.context_length`] : void 0;
        if (typeof direct === "number" && direct > 0) return direct;
        const any = Object.entries(info).find(([key, value2]) => key.endsWith(".context_length") && typeof value2 === "number" && value2 > 0);
        return any === void 0 ? void 0 : Number(any[1]);
      })
    );
    LmStudioV0 = Struct({
      data: Array$(
        Struct({
          id: String$,
          type: NullableString,
          state: NullableString,
          max_context_length: NullableNumber,
          loaded_context_length: NullableNumber
        })
      )
    });
    positive = (value2) => typeof value2 === "number" && value2 > 0 ? value2 : void 0;
    lmStudioModels = (client, provider, operation) => getJson(client, { provider, operation }, LmStudioV0, `${lmStudioNativeBase(provider)}/models`).pipe(
      map17(
        (list) => list.data.map((model) => ({
          id: model.id,
          // A loaded model runs with the window it was loaded with.
          contextWindow: positive(model.loaded_context_length) ?? positive(model.max_context_length),
          chat: model.type !== "embeddings" && model.type !== "embedding",
          loaded: model.state === "loaded"
        }))
      ),
      catchIf2(
        (error) => error.kind === "http" || error.kind === "protocol",
        () => openAiModels(client, provider, operation)
      )
    );
    OpenAiList = Struct({
      data: Array$(
        Struct({
          id: String$,
          context_length: NullableNumber,
          context_window: NullableNumber,
          max_model_len: NullableNumber,
          max_context_length: NullableNumber,
          type: NullableString
        })
      )
    });
    openAiModels = (client, provider, operation) => {
      const url2 = provider.api === "anthropic" ? `${provider.baseUrl}/v1/models` : `${provider.baseUrl}/models`;
      const headers = provider.apiKey === void 0 ? {} : provider.api === "anthropic" ? { "x-api-key": provider.apiKey, "anthropic-version": "2023-06-01" } : { authorization: `Bearer ${provider.apiKey}` };
      return getJson(client, { provider, operation }, OpenAiList, url2, { headers, timeoutMs: provider.local === void 0 ? 5e3 : PROBE_TIMEOUT_MS }).pipe(
        map17(
          (list) => list.data.map((model) => ({
            id: model.id,
            contextWindow: positive(model.context_length) ?? positive(model.max_model_len) ?? positive(model.context_window) ?? positive(model.max_context_length),
            chat: !/embed/i.test(model.id) && model.type !== "embeddings",
            loaded: false
          }))
        )
      );
    };
    firstChatModel = (models) => {
      const chat = models.filter((model) => model.chat);
      return fromNullable(chat.find((model) => model.loaded) ?? chat[0]);
    };
  }
});

// node_modules/@effect/platform/dist/esm/HttpClientResponse.js
var fromWeb2;
var init_HttpClientResponse = __esm({
  "node_modules/@effect/platform/dist/esm/HttpClientResponse.js"() {
    init_httpClientResponse();
    fromWeb2 = fromWeb;
  }
});

// src/lazyBuiltins.ts
import { createRequire } from "node:module";
var requireFrom, loadBuiltin;
var init_lazyBuiltins = __esm({
  "src/lazyBuiltins.ts"() {
    "use strict";
    requireFrom = createRequire(process.execPath);
    loadBuiltin = (specifier) => requireFrom(specifier);
  }
});

// src/layers/models/nodeHttpClient.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
var http, https, transportFor, readAll, responseOf, bodyOf, send, nodeHttpClient;
var init_nodeHttpClient = __esm({
  "src/layers/models/nodeHttpClient.ts"() {
    "use strict";
    init_HttpClient();
    init_HttpClientError();
    init_HttpClientResponse();
    init_Effect();
    init_lazyBuiltins();
    http = { request: httpRequest, agent: new HttpAgent({ keepAlive: true }) };
    transportFor = (url2) => {
      if (url2.protocol !== "https:") return http;
      if (https === void 0) {
        const module = loadBuiltin("node:https");
        https = { request: module.request, agent: new module.Agent({ keepAlive: true }) };
      }
      return https;
    };
    readAll = async (message) => {
      const chunks2 = [];
      for await (const chunk3 of message) chunks2.push(Buffer.isBuffer(chunk3) ? chunk3 : Buffer.from(String(chunk3)));
      return Buffer.concat(chunks2).toString("utf8");
    };
    responseOf = (message) => {
      let text2;
      const headers = {};
      for (const [name, value2] of Object.entries(message.headers)) {
        if (value2 !== void 0) headers[name] = Array.isArray(value2) ? value2.join(", ") : value2;
      }
      const iterator = message[Symbol.asyncIterator]();
      const reader4 = {
        read: async () => {
          const next = await iterator.next();
          return next.done === true ? { done: true, value: void 0 } : { done: false, value: next.value };
        },
        cancel: async () => {
          message.destroy();
        },
        releaseLock: () => {
        }
      };
      return {
        status: message.statusCode ?? 0,
        headers,
        body: { getReader: () => reader4 },
        text: () => text2 ??= readAll(message),
        json: async () => JSON.parse(await (text2 ??= readAll(message))),
        arrayBuffer: async () => new TextEncoder().encode(await (text2 ??= readAll(message))).buffer,
        formData: async () => {
          throw new Error("form data bodies are not supported");
        }
      };
    };
    bodyOf = (request) => {
      const body4 = request.body;
      switch (body4._tag) {
        case "Empty":
          return void 0;
        case "Uint8Array":
          return body4.body;
        case "Raw":
          return typeof body4.body === "string" || body4.body instanceof Uint8Array ? body4.body : String(body4.body);
        default:
          return void 0;
      }
    };
    send = (request, url2, signal) => async2((resume2) => {
      const fail13 = (cause2) => resume2(fail6(new RequestError({ request, reason: "Transport", cause: cause2 })));
      if (signal.aborted) {
        fail13(new Error("The request was aborted"));
        return;
      }
      if (request.body._tag === "FormData" || request.body._tag === "Stream") {
        fail13(new Error(`a ${request.body._tag} request body is not supported`));
        return;
      }
      const transport = transportFor(url2);
      const outgoing = transport.request(url2, { method: request.method, headers: { ...request.headers }, agent: transport.agent });
      let incoming;
      const onAbort = () => incoming === void 0 ? outgoing.destroy(new Error("The request was aborted")) : incoming.destroy();
      signal.addEventListener("abort", onAbort, { once: true });
      outgoing.on("error", (error) => {
        signal.removeEventListener("abort", onAbort);
        if (incoming === void 0) fail13(error);
      });
      outgoing.once("response", (message) => {
        incoming = message;
        message.once("close", () => signal.removeEventListener("abort", onAbort));
        resume2(succeed7(fromWeb2(request, responseOf(message))));
      });
      const payload = bodyOf(request);
      if (payload === void 0) outgoing.end();
      else outgoing.end(payload);
      return sync4(() => incoming === void 0 ? outgoing.destroy() : incoming.destroy());
    });
    nodeHttpClient = make49((request, url2, signal) => send(request, url2, signal)).pipe(
      withTracerDisabledWhen2(() => true),
      withTracerPropagation2(false)
    );
  }
});

// src/layers/models/openaiResponses.ts
var toInput, body3, Item, Response, Event2, decodeEvent2, reader3, openaiResponses;
var init_openaiResponses = __esm({
  "src/layers/models/openaiResponses.ts"() {
    "use strict";
    init_Schema();
    init_wire();
    toInput = (messages) => {
      const input = [];
      for (const message of messages) {
        switch (message.role) {
          case "user":
            input.push({ role: "user", content: message.text });
            break;
          case "assistant":
            if (message.text.length > 0) input.push({ role: "assistant", content: message.text });
            for (const call of message.toolCalls) {
              input.push({ type: "function_call", call_id: call.id, name: call.name, arguments: call.arguments });
            }
            break;
          case "tool":
            input.push({ type: "function_call_output", call_id: message.toolCallId, output: message.output });
            break;
        }
      }
      return input;
    };
    body3 = (_provider, model, request) => ({
      model,
      ...request.system.length > 0 ? { instructions: request.system } : {},
      input: toInput(request.messages),
      ...request.tools.length > 0 ? {
        tools: request.tools.map((tool) => ({
          type: "function",
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
          // Our schemas are not written for strict mode (every property required, no extras).
          strict: false
        }))
      } : {},
      max_output_tokens: Math.max(16, request.maxOutputTokens),
      // The conversation is ours; nothing is kept on the provider's side.
      store: false,
      stream: true
    });
    Item = Struct({
      type: String$,
      id: NullableString,
      call_id: NullableString,
      name: NullableString,
      arguments: NullableString
    });
    Response = Struct({
      status: NullableString,
      usage: optional(NullOr(Struct({ input_tokens: NullableNumber, output_tokens: NullableNumber }))),
      incomplete_details: optional(NullOr(Struct({ reason: NullableString }))),
      error: optional(NullOr(Struct({ code: NullableString, message: NullableString })))
    });
    Event2 = Struct({
      type: String$,
      item_id: NullableString,
      output_index: NullableNumber,
      delta: optional(String$),
      arguments: NullableString,
      item: optional(Item),
      response: optional(Response),
      code: NullableString,
      message: NullableString,
      error: optional(NullOr(Struct({ code: NullableString, type: NullableString, message: NullableString })))
    });
    decodeEvent2 = jsonDecoder(Event2, "OpenAI Responses stream event");
    reader3 = () => {
      const calls = /* @__PURE__ */ new Map();
      let sawCall = false;
      let started = false;
      const complete2 = (call, full, out) => {
        if (typeof full !== "string") return;
        if (call.argumentsSent.length === 0) {
          const text2 = full.length === 0 ? "{}" : full;
          call.argumentsSent = text2;
          out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: text2 });
        } else if (full.startsWith(call.argumentsSent) && full.length > call.argumentsSent.length) {
          const rest = full.slice(call.argumentsSent.length);
          call.argumentsSent = full;
          out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: rest });
        }
      };
      return {
        event: (message, out) => {
          const decoded = decodeEvent2(message.data);
          if (!decoded.ok) return decoded.failure;
          const event = decoded.value;
          switch (event.type) {
            case "response.created":
            case "response.in_progress":
              started = true;
              return void 0;
            case "response.output_item.added": {
              const item = event.item;
              if (item?.type !== "function_call") return void 0;
              const callId = item.call_id ?? item.id;
              if (typeof callId !== "string" || typeof item.name !== "string") {
                return { kind: "protocol", detail: "an OpenAI function_call item without call_id or name" };
              }
              const call = { callId, argumentsSent: "" };
              calls.set(item.id ?? callId, call);
              sawCall = true;
              out.push({ _tag: "ToolCallStart", id: callId, name: item.name });
              if (typeof item.arguments === "string" && item.arguments.length > 0) complete2(call, item.arguments, out);
              return void 0;
            }
            case "response.function_call_arguments.delta": {
              const call = typeof event.item_id === "string" ? calls.get(event.item_id) : void 0;
              if (call === void 0) return { kind: "protocol", detail: `OpenAI function call arguments for an unknown item ${event.item_id ?? "(none)"}` };
              if (event.delta !== void 0 && event.delta.length > 0) {
                call.argumentsSent += event.delta;
                out.push({ _tag: "ToolCallDelta", id: call.callId, argumentsDelta: event.delta });
              }
              return void 0;
            }
            case "response.function_call_arguments.done": {
              const call = typeof event.item_id === "string" ? calls.get(event.item_id) : void 0;
              if (call !== void 0) complete2(call, event.arguments, out);
              return void 0;
            }
            case "response.output_item.done": {
              const item = event.item;
              if (item?.type !== "function_call") return void 0;
              const call = calls.get(item.id ?? item.call_id ?? "");
              if (call !== void 0) complete2(call, item.arguments ?? "", out);
              return void 0;
            }
            case "response.output_text.delta":
            case "response.refusal.delta":
              if (event.delta !== void 0 && event.delta.length > 0) out.push({ _tag: "TextDelta", text: event.delta });
              return void 0;
            case "response.reasoning_summary_text.delta":
            case "response.reasoning_text.delta":
              if (event.delta !== void 0 && event.delta.length > 0) out.push({ _tag: "ReasoningDelta", text: event.delta });
              return void 0;
            case "response.completed":
            case "response.incomplete": {
              const response = event.response;
              const usage = response?.usage ?? void 0;
              const incomplete = response?.incomplete_details?.reason ?? void 0;
              const reason = event.type === "response.completed" ? sawCall ? "tool-calls" : "stop" : incomplete === "max_output_tokens" ? "length" : incomplete === "content_filter" ? "content-filter" : "other";
              out.push({ _tag: "Finish", reason, usage: usage === void 0 ? void 0 : usageOf(usage.input_tokens, usage.output_tokens) });
              return void 0;
            }
            case "response.failed": {
              const error = event.response?.error ?? void 0;
              return { kind: "stream", detail: error?.message ?? "the provider reported that the response failed", code: error?.code ?? void 0 };
            }
            case "error":
              return {
                kind: "stream",
                detail: event.message ?? event.error?.message ?? "the provider reported an error during the reply",
                code: event.code ?? event.error?.code ?? event.error?.type ?? void 0
              };
            default:
              return void 0;
          }
        },
        end: () => ({
          kind: "stream",
          detail: started ? "the stream ended before the reply was complete (no response.completed)" : "the stream ended without a reply"
        })
      };
    };
    openaiResponses = {
      url: (provider) => `${provider.baseUrl}/responses`,
      headers: (provider) => provider.apiKey === void 0 ? {} : { authorization: `Bearer ${provider.apiKey}` },
      body: body3,
      reader: reader3
    };
  }
});

// node_modules/eventsource-parser/dist/index.js
function noop(_arg) {
}
function createParser(callbacks) {
  if (typeof callbacks == "function")
    throw new TypeError(
      "`callbacks` must be an object, got a function instead. Did you mean `{onEvent: fn}`?"
    );
  const { onEvent = noop, onError: onError4 = noop, onRetry = noop, onComment } = callbacks;
  let incompleteLine = "", isFirstChunk = true, id2, data = "", eventType = "";
  function feed(newChunk) {
    const chunk3 = isFirstChunk ? newChunk.replace(/^\xEF\xBB\xBF/, "") : newChunk, [complete2, incomplete] = splitLines3(`${incompleteLine}${chunk3}`);
    for (const line of complete2)
      parseLine(line);
    incompleteLine = incomplete, isFirstChunk = false;
  }
  function parseLine(line) {
    if (line === "") {
      dispatchEvent();
      return;
    }
    if (line.startsWith(":")) {
      onComment && onComment(line.slice(line.startsWith(": ") ? 2 : 1));
      return;
    }
    const fieldSeparatorIndex = line.indexOf(":");
    if (fieldSeparatorIndex !== -1) {
      const field = line.slice(0, fieldSeparatorIndex), offset = line[fieldSeparatorIndex + 1] === " " ? 2 : 1, value2 = line.slice(fieldSeparatorIndex + offset);
      processField(field, value2, line);
      return;
    }
    processField(line, "", line);
  }
  function processField(field, value2, line) {
    switch (field) {
      case "event":
        eventType = value2;
        break;
      case "data":
        data = `${data}${value2}
`;
        break;
      case "id":
        id2 = value2.includes("\0") ? void 0 : value2;
        break;
      case "retry":
        /^\d+$/.test(value2) ? onRetry(parseInt(value2, 10)) : onError4(
          new ParseError2(`Invalid \`retry\` value: "${value2}"`, {
            type: "invalid-retry",
            value: value2,
            line
          })
        );
        break;
      default:
        onError4(
          new ParseError2(
            `Unknown field "${field.length > 20 ? `${field.slice(0, 20)}\u2026` : field}"`,
            { type: "unknown-field", field, value: value2, line }
          )
        );
        break;
    }
  }
  function dispatchEvent() {
    data.length > 0 && onEvent({
      id: id2,
      event: eventType || void 0,
      // If the data buffer's last character is a U+000A LINE FEED (LF) character,
      // then remove the last character from the data buffer.
      data: data.endsWith(`
`) ? data.slice(0, -1) : data
    }), id2 = void 0, data = "", eventType = "";
  }
  function reset(options3 = {}) {
    incompleteLine && options3.consume && parseLine(incompleteLine), isFirstChunk = true, id2 = void 0, data = "", eventType = "", incompleteLine = "";
  }
  return { feed, reset };
}
function splitLines3(chunk3) {
  const lines = [];
  let incompleteLine = "", searchIndex = 0;
  for (; searchIndex < chunk3.length; ) {
    const crIndex = chunk3.indexOf("\r", searchIndex), lfIndex = chunk3.indexOf(`
`, searchIndex);
    let lineEnd = -1;
    if (crIndex !== -1 && lfIndex !== -1 ? lineEnd = Math.min(crIndex, lfIndex) : crIndex !== -1 ? crIndex === chunk3.length - 1 ? lineEnd = -1 : lineEnd = crIndex : lfIndex !== -1 && (lineEnd = lfIndex), lineEnd === -1) {
      incompleteLine = chunk3.slice(searchIndex);
      break;
    } else {
      const line = chunk3.slice(searchIndex, lineEnd);
      lines.push(line), searchIndex = lineEnd + 1, chunk3[searchIndex - 1] === "\r" && chunk3[searchIndex] === `
` && searchIndex++;
    }
  }
  return [lines, incompleteLine];
}
var ParseError2;
var init_dist = __esm({
  "node_modules/eventsource-parser/dist/index.js"() {
    ParseError2 = class extends Error {
      constructor(message, options3) {
        super(message), this.name = "ParseError", this.type = options3.type, this.field = options3.field, this.value = options3.value, this.line = options3.line;
      }
    };
  }
});

// src/layers/models/streamCall.ts
var sseSplitter, isFinish, eventsOf, headerRecord, streamCall;
var init_streamCall = __esm({
  "src/layers/models/streamCall.ts"() {
    "use strict";
    init_HttpClient();
    init_HttpClientRequest();
    init_dist();
    init_Chunk();
    init_Effect();
    init_Stream();
    init_providerErrors();
    init_wire();
    sseSplitter = () => {
      const decoder = new TextDecoder();
      let pending2 = [];
      const parser = createParser({ onEvent: (event) => pending2.push(event) });
      const take5 = () => {
        const events = pending2;
        pending2 = [];
        return events;
      };
      return {
        feed: (bytes) => {
          parser.feed(decoder.decode(bytes, { stream: true }));
          return take5();
        },
        /** The body ended: an event not followed by its blank line still counts. */
        end: () => {
          parser.feed(`${decoder.decode()}

`);
          return take5();
        }
      };
    };
    isFinish = (event) => event._tag === "Finish";
    eventsOf = (context5, body4, reader4) => suspend7(() => {
      const sse = sseSplitter();
      const handle = (events, atEnd) => {
        const out = [];
        for (const event of events) {
          const failure = reader4.event(event, out);
          if (failure !== void 0) return fail6(wireError(context5, failure, true));
          if (out.length > 0 && isFinish(out[out.length - 1])) return succeed7(unsafeFromArray(out));
        }
        if (atEnd) {
          const failure = reader4.end(out);
          if (failure !== void 0) return fail6(wireError(context5, failure, true));
        }
        return succeed7(unsafeFromArray(out));
      };
      return body4.pipe(
        mapError6((cause2) => readError(context5, cause2)),
        mapEffect3((bytes) => handle(sse.feed(bytes), false)),
        concat3(fromEffect8(suspend4(() => handle(sse.end(), true)))),
        flattenChunks2,
        takeUntil3(isFinish)
      );
    });
    headerRecord = (response) => response.headers;
    streamCall = (client, protocol, context5, request) => gen2(function* () {
      const provider = context5.provider;
      const httpRequest2 = post3(protocol.url(provider)).pipe(
        setHeaders2(protocol.headers(provider)),
        setHeader2("accept", "text/event-stream"),
        bodyUnsafeJson2(protocol.body(provider, context5.model ?? "", request))
      );
      const response = yield* withScope2(client).execute(httpRequest2).pipe(mapError2((error) => requestError(context5, error)));
      if (response.status < 200 || response.status >= 300) {
        const body4 = yield* response.text.pipe(orElseSucceed2(() => ""));
        return yield* fail6(httpError(context5, response.status, headerRecord(response), body4));
      }
      const contentType = response.headers["content-type"] ?? "";
      if (contentType.includes("application/json")) {
        const body4 = yield* response.text.pipe(orElseSucceed2(() => ""));
        const error = httpError(context5, response.status, headerRecord(response), body4);
        return yield* fail6(
          wireError(context5, { kind: "protocol", detail: `the provider answered with JSON instead of a stream: ${error.detail ?? excerpt(body4)}`, code: error.code }, false)
        );
      }
      return eventsOf(context5, response.stream, protocol.reader());
    });
  }
});

// src/layers/ModelsLive.ts
var ModelsLive_exports = {};
__export(ModelsLive_exports, {
  ModelsLive: () => ModelsLive,
  ModelsWith: () => ModelsWith,
  makeModels: () => makeModels,
  mergeProviders: () => mergeProviders,
  serviceName: () => serviceName
});
var protocolFor, HANDLE_EXAMPLE, quoteList, makeModels, ModelsLive, ModelsWith;
var init_ModelsLive = __esm({
  "src/layers/ModelsLive.ts"() {
    "use strict";
    init_HttpClient();
    init_Effect();
    init_Layer();
    init_Option();
    init_errors3();
    init_Models();
    init_anthropicMessages();
    init_catalogue();
    init_chatCompletions();
    init_localServers();
    init_nodeHttpClient();
    init_openaiResponses();
    init_providerErrors();
    init_providers();
    init_streamCall();
    init_providers();
    protocolFor = (provider) => {
      switch (provider.api) {
        case "anthropic":
          return anthropicMessages;
        case "openai-responses":
          return openaiResponses;
        case "openai-chat":
          return chatCompletions;
      }
    };
    HANDLE_EXAMPLE = "a model handle is provider/model, e.g. anthropic/claude-sonnet-4-5, openai/gpt-5 or ollama/qwen3-coder:30b";
    quoteList = (items, limit = 15) => items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")}, \u2026 (${items.length - limit} more)`;
    makeModels = (config) => gen2(function* () {
      const client = yield* HttpClient;
      const table = providerTable(config.env, config.customProviders);
      const customNames = table.all.filter((provider) => provider.custom).map((provider) => provider.name);
      const unknownProvider = (handle, name) => {
        const custom2 = customNames.length > 0 ? `; custom providers (settings): ${customNames.join(", ")}` : '; custom providers can be added under "providers" in the settings';
        const ignored = table.ignored.find((entry) => entry.name === name);
        return new UnknownModel({
          model: handle,
          available: [],
          reason: ignored !== void 0 ? `the custom provider "${name}" in the settings is not used: ${ignored.why}.` : `there is no provider "${name}". Built-in providers: ${BUILT_IN_PROVIDERS.join(", ")}${custom2}.`
        });
      };
      const resolved = (provider, model, reported) => {
        const known = lookupKnown(model);
        const contextWindow = provider.contextWindow ?? reported ?? known?.contextWindow ?? FALLBACK_CONTEXT_WINDOW;
        return {
          handle: `${provider.name}/${model}`,
          provider: provider.name,
          model,
          contextWindow,
          maxOutputTokens: replyBudget(contextWindow, known?.maxOutput)
        };
      };
      const resolveOllama = (provider, handle, requested) => gen2(function* () {
        const model = normaliseOllamaModel(requested);
        const operation = `check the model ${model}`;
        const models = yield* ollamaModels(client, provider, operation);
        if (!models.some((candidate) => candidate.id === model)) {
          const names = models.filter((candidate) => candidate.chat).map((candidate) => candidate.id);
          return yield* fail6(
            new UnknownModel({
              model: handle,
              available: names.map((name) => `ollama/${name}`),
              reason: `Ollama (${provider.baseUrl.replace(/\/v1$/, "")}) has no model "${model}". Pull it with \`ollama pull ${model}\`${names.length > 0 ? `, or use one of: ${quoteList(names.map((name) => `ollama/${name}`))}` : ""}.`
            })
          );
        }
        const reported = yield* ollamaContextWindow(client, provider, model, operation).pipe(orElseSucceed2(() => void 0));
        return resolved(provider, model, reported);
      });
      const resolveLmStudio = (provider, handle, requested) => gen2(function* () {
        const models = yield* lmStudioModels(client, provider, `check the model ${requested}`);
        const found = models.find((candidate) => candidate.id === requested) ?? models.find((candidate) => candidate.id.toLowerCase() === requested.toLowerCase());
        if (found === void 0) {
          const names = models.filter((candidate) => candidate.chat).map((candidate) => `lmstudio/${candidate.id}`);
          return yield* fail6(
            new UnknownModel({
              model: handle,
              available: names,
              reason: `LM Studio (${provider.baseUrl}) has no model "${requested}". Download it in LM Studio (or \`lms get ${requested}\`)${names.length > 0 ? `, or use one of: ${quoteList(names)}` : ""}.`
            })
          );
        }
        return resolved(provider, found.id, found.contextWindow);
      });
      const reportedWindow = (provider, model) => provider.contextWindow !== void 0 ? succeed7(void 0) : openAiModels(client, provider, `check the model ${model}`).pipe(
        timeout2(PROBE_TIMEOUT_MS),
        map17((models) => models.find((candidate) => candidate.id === model)?.contextWindow),
        orElseSucceed2(() => void 0)
      );
      const resolve = (input) => gen2(function* () {
        const handle = input.trim();
        const slash = handle.indexOf("/");
        if (slash <= 0 || slash === handle.length - 1) {
          return yield* fail6(new UnknownModel({ model: handle, available: [], reason: `${HANDLE_EXAMPLE}.` }));
        }
        const name = handle.slice(0, slash);
        const model = handle.slice(slash + 1);
        const provider = table.find(name);
        if (provider === void 0) return yield* fail6(unknownProvider(handle, name));
        if (provider.apiKeyEnv !== void 0 && provider.apiKey === void 0) {
          return yield* fail6(
            new UnknownModel({
              model: handle,
              available: [],
              reason: `${provider.apiKeyEnv} is not set. Set it to use ${provider.name} models: export ${provider.apiKeyEnv}=<your key>`
            })
          );
        }
        switch (provider.local) {
          case "ollama":
            return yield* resolveOllama(provider, handle, model);
          case "lmstudio":
            return yield* resolveLmStudio(provider, handle, model);
          case void 0:
            return resolved(provider, model, provider.custom ? yield* reportedWindow(provider, model) : void 0);
        }
      });
      const localProviders = table.all.filter((provider) => provider.local !== void 0);
      const serverModels = (provider) => provider.local === "ollama" ? ollamaModels(client, provider, "list its models") : lmStudioModels(client, provider, "list its models");
      const defaultModel = gen2(function* () {
        for (const name of ["anthropic", "openai"]) {
          if (table.find(name)?.apiKey !== void 0) return `${name}/${DEFAULT_MODELS[name]}`;
        }
        const found = yield* forEach8(
          localProviders,
          (provider) => serverModels(provider).pipe(
            map17((models) => map2(firstChatModel(models), (model) => `${provider.name}/${model.id}`)),
            orElseSucceed2(() => none2())
          ),
          { concurrency: "unbounded" }
        );
        const first2 = firstSomeOf(found);
        if (isSome2(first2)) return first2.value;
        return yield* fail6(new NoModelAvailable());
      });
      const catalogueListings = () => CATALOGUE.flatMap(({ provider: name, model }) => {
        const provider = table.find(name);
        if (provider === void 0) return [];
        const available = provider.apiKey !== void 0;
        return [
          {
            handle: `${name}/${model}`,
            provider: name,
            contextWindow: lookupKnown(model)?.contextWindow,
            source: "catalogue",
            available,
            ...available ? {} : { note: `set ${provider.apiKeyEnv ?? "its key"} to use it` }
          }
        ];
      });
      const serverListings = (provider) => gen2(function* () {
        if (provider.apiKeyEnv !== void 0 && provider.apiKey === void 0) return [];
        const models = (yield* provider.local === void 0 ? openAiModels(client, provider, "list its models") : serverModels(provider)).filter(
          (model) => model.chat
        );
        const windows = yield* forEach8(
          models,
          (model) => provider.contextWindow !== void 0 ? succeed7(provider.contextWindow) : model.contextWindow !== void 0 || provider.local !== "ollama" ? succeed7(model.contextWindow ?? lookupKnown(model.id)?.contextWindow) : ollamaContextWindow(client, provider, model.id, "list its models").pipe(
            map17((window) => window ?? lookupKnown(model.id)?.contextWindow),
            orElseSucceed2(() => lookupKnown(model.id)?.contextWindow)
          ),
          { concurrency: 4 }
        );
        return models.map((model, index) => ({
          handle: `${provider.name}/${model.id}`,
          provider: provider.name,
          contextWindow: windows[index],
          source: "server",
          available: true
        }));
      }).pipe(orElseSucceed2(() => []));
      const list = forEach8(
        table.all.filter((provider) => provider.local !== void 0 || provider.custom),
        serverListings,
        { concurrency: "unbounded" }
      ).pipe(map17((groups) => [...catalogueListings(), ...groups.flat()]));
      const stream3 = (model, request) => suspend4(() => {
        const provider = table.find(model.provider);
        const context5 = provider === void 0 ? void 0 : { provider, operation: `call the model ${model.model}`, model: model.model };
        if (provider === void 0 || context5 === void 0) {
          return fail6(
            new ApiError({
              kind: "protocol",
              operation: `call the model ${model.model}`,
              detail: `there is no provider "${model.provider}"`,
              streamStarted: false,
              service: `the model provider ${model.provider}`
            })
          );
        }
        if (provider.apiKeyEnv !== void 0 && provider.apiKey === void 0) return fail6(missingKeyError(context5));
        return streamCall(client, protocolFor(provider), context5, request);
      });
      return { resolve, defaultModel, list, stream: stream3 };
    });
    ModelsLive = (config) => effect(Models, makeModels(config)).pipe(provide3(succeed8(HttpClient, nodeHttpClient)));
    ModelsWith = (config) => effect(Models, makeModels(config));
  }
});

// .tmp-mbench/entry.ts
init_Effect();
init_Stream();
init_Models();
var t0 = performance.now();
var { ModelsLive: ModelsLive2 } = await Promise.resolve().then(() => (init_ModelsLive(), ModelsLive_exports));
var t1 = performance.now();
var url = process.argv[2];
var program = gen2(function* () {
  const models = yield* Models;
  const model = yield* models.resolve("anthropic/claude-sonnet-4-5");
  let n2 = 0;
  for (let i = 0; i < 3; i++) {
    const s0 = performance.now();
    yield* scoped2(flatMap9(models.stream(model, { system: "s", messages: [{ role: "user", text: "hi" }], tools: [], maxOutputTokens: 100 }), (s) => runForEach2(s, () => sync4(() => n2++))));
    console.log("call", i, (performance.now() - s0).toFixed(1), "ms");
  }
  return n2;
});
var n = await runPromise(provide2(program, ModelsLive2({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: url } })));
console.log("events", n, "import", (t1 - t0).toFixed(1), "ms", "rss", (process.memoryUsage().rss / 1048576).toFixed(0), "MiB");
