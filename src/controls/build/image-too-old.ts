import { imageFacts } from '../../image/facts.js';
import { defineControl } from '../define.js';

const DAY = 24 * 60 * 60 * 1000;

export default defineControl({
  meta: {
    id: 'BLD-102',
    name: 'image-too-old',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A built image was created within the last maxAgeDays days (default 90).',
      rationale:
        'An image is as current as the day it was built: every fix to its base image and packages published since then ' +
        'is missing from it. An old image is a sign nobody rebuilds it. The age is read from the config `created` field; ' +
        'builders that write a fixed timestamp for reproducible builds (1970 or similar) make the age unknown, and the ' +
        'control says so rather than guessing.',
      remediation:
        'Rebuild images regularly (a scheduled pipeline), on a fresh base image (`docker build --pull`), and redeploy. ' +
        'Raise maxAgeDays only for images that are deliberately frozen.',
    },
    frameworks: { seed: ['A1', 'B6', 'B8'] },
    options: {
      maxAgeDays: { type: 'number', description: 'Oldest acceptable image, in days since its creation.', default: 90 },
    },
    messages: {
      old: "Image '{{image}}' was created {{days}} days ago ({{created}}), more than {{max}} days.",
    },
  },
  check(subject, ctx) {
    const image = imageFacts(subject);
    if (!image) return;
    if (image.created === undefined) {
      ctx.notEvaluated('the image config has no created date');
      return;
    }
    const t = Date.parse(image.created);
    if (Number.isNaN(t) || new Date(t).getUTCFullYear() < 2000) {
      ctx.notEvaluated(`the image's created date '${image.created}' is not a real build time (reproducible builds write a fixed one)`);
      return;
    }
    const max = Number(ctx.options.maxAgeDays ?? 90);
    const days = Math.floor((ctx.now.getTime() - t) / DAY);
    if (days > max) ctx.report({ messageId: 'old', pointer: image.pointers.created, data: { image: image.name, days, created: image.created.slice(0, 10), max } });
  },
});
