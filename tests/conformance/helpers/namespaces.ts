export namespace Geometry {
  export const UNIT = 'cm';
  export function area(width: number, height: number): number {
    return width * height;
  }
  export namespace Circle {
    export function area(radius: number): number {
      return Math.PI * radius * radius;
    }
  }
}

export function Units(value: number): string {
  return `${value}${Units.suffix}`;
}
export namespace Units {
  export const suffix = 'cm';
}

/** Type-only namespaces emit nothing in any compiler. */
export namespace Shapes {
  export type Kind = 'square' | 'circle';
}
