// Entry point of the self-contained bundle: registers every element.
import './recommendation-list.js';
import './recommendation.js';
import './consultation-form.js';
import './contributions.js';
import './roster.js';
import './vote-result.js';
